package org.cpd.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps docs/openapi/<service>.yaml equal to what the code generates, so API changes show up in
 * review. Run the tests with -Dopenapi.update=true to rewrite the committed document.
 */
public final class OpenApiDrift {

    private OpenApiDrift() {
    }

    public static void assertMatchesCommitted(String service) {
        String generated = given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        Path committed = repositoryRoot().resolve("docs/openapi/" + service + ".yaml");
        try {
            if (Boolean.getBoolean("openapi.update")) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, generated, StandardCharsets.UTF_8);
            }
            assertThat(committed).as("committed OpenAPI document (generate it with -Dopenapi.update=true)").exists();
            assertThat(generated)
                    .as("OpenAPI generated from the code differs from %s: review the API change, then rerun with -Dopenapi.update=true", committed)
                    .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory holding the root pom (tests run in the module's directory). */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
