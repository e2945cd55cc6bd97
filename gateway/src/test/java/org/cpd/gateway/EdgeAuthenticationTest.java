package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class EdgeAuthenticationTest {

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void refusesAnApiCallWithoutATokenAsAProblemBeforeReachingTheService() {
        given().get("/api/v1/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("X-Request-Id", notNullValue())
                .body("type", is("urn:cpd:problem:unauthenticated"));
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesATokenSignedByAnotherKey() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = TestTokens.builder("cpd-portal", "intruder").jws().keyId("gateway-test-key")
                .sign(generator.generateKeyPair().getPrivate());

        given().auth().oauth2(forged).get("/api/v1/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:unauthenticated"));
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = TestTokens.sign(TestTokens.builder("cpd-portal", "someone").audience("other-api"));

        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void refusesAnExpiredToken() {
        long now = System.currentTimeMillis() / 1000;
        String token = TestTokens.sign(TestTokens.builder("cpd-portal", "someone")
                .issuedAt(now - 7200).expiresAt(now - 3600));

        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void refusesTheGatewaysOwnMeEndpointWithoutAToken() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void leavesHealthMetricsAndMergedOpenApiOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/api/v1/openapi.json").then().statusCode(200);
    }
}
