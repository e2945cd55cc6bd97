package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.OidcResource;
import org.cpd.testsupport.Tokens;
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
        // The realm's shape, issuer and key id, signed by a key the realm does not publish.
        String forged = io.smallrye.jwt.build.Jwt.issuer(OidcResource.ISSUER).subject("intruder")
                .audience(OidcResource.AUDIENCE).claim("azp", "cpd-portal").expiresIn(600)
                .jws().keyId("test").sign(generator.generateKeyPair().getPrivate());

        given().auth().oauth2(forged).get("/api/v1/schools")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:unauthenticated"));
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String token = Tokens.builder().roles("practitioner").audience("other-api").build();

        given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void refusesAnExpiredToken() {
        String token = Tokens.builder().roles("practitioner").expiresInSeconds(-3600).build();

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
