package org.cpd.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Declares the shared test stack once; global, so every @QuarkusTest in the module shares one app start. */
@QuarkusTestResource(GatewayTestStack.class)
public class TestStack {
}
