package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * With the prod profile's configuration, health, metrics and the gateway's own OpenAPI answer on the
 * management interface only; the public port keeps the API and the merged document.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Prod.class)
class ManagementInterfaceTest {

    public static class Prod implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Random ports: tests of other modules may run on this machine at the same time.
            return Map.of("quarkus.http.test-port", "0", "quarkus.management.test-port", Integer.toString(freePort()));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String management() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void metricsHealthAndOwnOpenApiDoNotAnswerOnThePublicPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void theyAnswerOnTheManagementInterface() {
        given().get(management() + "/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get(management() + "/q/openapi").then().statusCode(200).body(containsString("getMe"));
        given().get(management() + "/q/health/ready").then().statusCode(200).body(containsString("UP"));
    }

    @Test
    void theMergedDocumentStaysOnThePublicPort() {
        given().get("/api/v1/openapi.json").then().statusCode(200).body(containsString("getMe"));
    }

    @Test
    void swaggerUiIsServedOnThePublicPortOverTheMergedDocumentWithPortalLoginByPkce() {
        given().redirects().follow(false).get("/api/docs").then().statusCode(301).header("Location", "/api/docs/");
        given().get("/api/docs/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .body(containsString("swagger-ui-bundle.js"))
                .body(containsString("init.js"));
        given().get("/api/docs/init.js").then().statusCode(200)
                .body(containsString("'/api/v1/openapi.json'"))
                .body(containsString("clientId: 'cpd-portal'"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"))
                .body(containsString("/api/docs/oauth2-redirect.html"));
        given().get("/api/docs/swagger-ui-bundle.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/api/docs/oauth2-redirect.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("'sha256-"))
                .body(containsString("oauth2"));
        given().get(management() + "/api/docs/").then().statusCode(404);
    }
}
