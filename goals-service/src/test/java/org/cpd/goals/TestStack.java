package org.cpd.goals;

import io.quarkus.test.common.QuarkusTestResource;
import org.cpd.testsupport.KafkaResource;
import org.cpd.testsupport.OidcResource;
import org.cpd.testsupport.PostgresResource;

/** Real PostgreSQL, a real Kafka broker and signed tokens, shared by every @QuarkusTest here (one app start). */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
public class TestStack {
}
