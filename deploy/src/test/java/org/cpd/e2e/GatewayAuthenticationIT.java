package org.cpd.e2e;

import static org.hamcrest.Matchers.startsWith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing under /api/v1 is reachable without a valid token, whichever service owns the path. */
class GatewayAuthenticationIT {

    @ParameterizedTest(name = "GET {0} without a token is 401")
    @ValueSource(strings = {"/api/v1/practitioners", "/api/v1/relationships", "/api/v1/goals", "/api/v1/me"})
    void refusesRequestWithoutToken(String path) {
        Stack.gateway()
                .when().get(path)
                .then().statusCode(401);
    }

    @ParameterizedTest(name = "GET {0} with a forged token is 401")
    @ValueSource(strings = {"/api/v1/practitioners", "/api/v1/relationships", "/api/v1/goals"})
    void refusesForgedToken(String path) {
        // A well-formed token that no key of the realm signed.
        String forged = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9"
                + ".eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgxODAvcmVhbG1zL2NwZCIsInN1YiI6Im1hbGxvcnkiLCJhdWQiOiJjcGQtYXBpIiwiZXhwIjo0MTAyNDQ0ODAwfQ"
                + ".c2lnbmF0dXJl";
        Stack.gatewayAs(forged)
                .when().get(path)
                .then().statusCode(401);
    }

    @ParameterizedTest(name = "{0} is open to probes on the management port")
    @ValueSource(strings = {"/q/health/ready"})
    void healthIsOpenToProbes(String path) {
        io.restassured.RestAssured.given().baseUri(Stack.GATEWAY_MANAGEMENT)
                .when().get(path)
                .then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @ParameterizedTest(name = "{0} does not answer on the public port")
    @ValueSource(strings = {"/q/health/ready", "/q/metrics", "/q/openapi"})
    void managementIsOffThePublicPort(String path) {
        Stack.gateway()
                .when().get(path)
                .then().statusCode(404);
    }

    /** The packaged gateway (its main class turns Quarkus' bare check off) answers a broken escape with a problem. */
    @Test
    void aBrokenPercentEscapeIsAProblem() throws Exception {
        URI gateway = URI.create(Stack.GATEWAY);
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/practitioners/%zz HTTP/1.1\r\nHost: " + gateway.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 400");
            assertThat(text.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(text).contains("urn:cpd:problem:malformed-request");
        }
    }
}
