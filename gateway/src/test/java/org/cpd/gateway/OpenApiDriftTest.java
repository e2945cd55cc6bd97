package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.testsupport.OpenApiDrift;
import org.junit.jupiter.api.Test;

/**
 * The committed docs/openapi/gateway.yaml must be what the code generates, so API changes show up in
 * review. Regenerate with {@code -Dopenapi.update=true} on the gateway's tests.
 */
@QuarkusTest
class OpenApiDriftTest {

    @Test
    void committedOpenApiDocumentMatchesTheCode() {
        OpenApiDrift.assertMatchesCommitted("gateway");
    }
}
