package org.cpd.commons.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;

/**
 * Changes nothing in the document; its presence alone keeps the start short. Without a per-request
 * filter, Quarkus writes the build's document again as JSON and as YAML while the application starts
 * (on a cold JVM, about a fifth of a service's start), although only the gateway reads it, every
 * {@code cpd.gateway.openapi.cache-ttl}. With one, it writes the format asked for when it is asked
 * for. Every filter that changes the document runs at build time ({@link ApiContractFilter}), so
 * what is served is the same either way (the OpenAPI drift tests compare it with the committed one).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class SerializeOnRequest implements OASFilter {
}
