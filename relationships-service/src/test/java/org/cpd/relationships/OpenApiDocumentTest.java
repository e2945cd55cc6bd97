package org.cpd.relationships;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.testsupport.OpenApiDrift;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void committedOpenApiMatchesTheCode() {
        OpenApiDrift.assertMatchesCommitted("relationships-service");
    }
}
