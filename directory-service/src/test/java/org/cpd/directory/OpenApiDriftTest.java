package org.cpd.directory;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.testsupport.OpenApiDrift;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDriftTest {

    @Test
    void committedOpenApiDocumentMatchesTheCode() {
        OpenApiDrift.assertMatchesCommitted("directory-service");
    }
}
