package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed docs/openapi/gateway.yaml must be what the code generates, so API changes show up in
 * review. Regenerate with {@code ./mvnw -pl gateway verify -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiDriftTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi", "gateway.yaml");

    @Test
    void committedOpenApiDocumentMatchesTheCode() throws Exception {
        String generated = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();

        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated);
        }
        assertThat(Files.exists(COMMITTED))
                .as("%s is missing; run with -Dopenapi.update=true", COMMITTED).isTrue();
        assertThat(Files.readString(COMMITTED))
                .as("%s differs from the code; run with -Dopenapi.update=true and commit it", COMMITTED)
                .isEqualTo(generated);
    }
}
