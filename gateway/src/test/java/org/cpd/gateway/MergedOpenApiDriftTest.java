package org.cpd.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.OpenApiDrift;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi/cpd-api.yaml is the merged document the gateway serves when the services publish their
 * committed documents, as production serves it (behind the ingress at https://api.cpd.example). The
 * clients module generates the Java and TypeScript clients from it, so the build needs no running
 * service. Each service's own drift test keeps its committed document equal to its code; this one keeps
 * the merge equal to them. Regenerate with {@code -Dopenapi.update=true} on the gateway's tests.
 */
@QuarkusTest
class MergedOpenApiDriftTest {

    private static final Map<String, String> COMMITTED = Map.of(
            "directory", "directory-service.yaml",
            "relationships", "relationships-service.yaml",
            "goals", "goals-service.yaml");
    private static final Path DOCS = OpenApiDrift.repositoryRoot().resolve("docs/openapi");

    @BeforeEach
    void servicesPublishTheirCommittedDocuments() throws IOException {
        Backends.resetAll();
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        for (var e : COMMITTED.entrySet()) {
            String document = json.writeValueAsString(yaml.readTree(DOCS.resolve(e.getValue()).toFile()));
            Backends.management(e.getKey()).register(get(urlEqualTo("/q/openapi?format=json")).willReturn(okJson(document)));
        }
    }

    @Test
    void committedMergedDocumentIsWhatTheGatewayServes() throws IOException {
        // The tests' caller is a trusted proxy (GatewayTestStack): it says clients reach the gateway at the
        // production ingress host.
        String served = given()
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "api.cpd.example")
                .get("/api/v1/openapi.yaml")
                .then().statusCode(200).extract().asString();
        Path committed = DOCS.resolve("cpd-api.yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(served).as("the merged document names every service and the gateway as its server")
                .contains("url: \"https://api.cpd.example\"")
                .contains("\nx-cpd-warnings: []")
                .doesNotContain(": \"unavailable\"");
        assertThat(committed).as("committed merged document (generate it with -Dopenapi.update=true)").exists();
        assertThat(served)
                .as("the gateway's merged document differs from %s: review the change, then rerun with -Dopenapi.update=true",
                        committed)
                .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    }
}
