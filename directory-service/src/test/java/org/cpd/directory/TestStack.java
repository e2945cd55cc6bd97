package org.cpd.directory;

import io.quarkus.test.common.QuarkusTestResource;
import org.cpd.testsupport.KafkaResource;
import org.cpd.testsupport.OidcResource;
import org.cpd.testsupport.PostgresResource;

/** The real parts every test of this module runs against (global: one start for all tests). */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
public class TestStack {
}
