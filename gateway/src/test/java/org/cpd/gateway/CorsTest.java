package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

@QuarkusTest
class CorsTest {

    private static final String PORTAL = "https://portal.example.org";

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.goals().register(get(anyUrl()).willReturn(okJson("[]")
                .withHeader("Access-Control-Allow-Origin", "*")));
    }

    @Test
    void answersAPortalPreflightAtTheGatewayWithoutAToken() {
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/goals")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"));
        Backends.goals().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void refusesAPreflightFromAnUnknownOrigin() {
        var response = given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/goals");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        Backends.goals().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void exposesGatewayHeadersToThePortalAndKeepsTheGatewaysOwnCorsAnswer() {
        var response = given().auth().oauth2(Callers.teacher()).header("Origin", PORTAL)
                .get("/api/v1/goals");

        assertThat(response.statusCode()).isEqualTo(200);
        // The backend's own "*" is dropped: one allowed origin, decided by the gateway.
        assertThat(response.headers().getValues("Access-Control-Allow-Origin")).containsExactly(PORTAL);
        assertThat(response.header("Access-Control-Expose-Headers"))
                .contains("X-Request-Id").contains("RateLimit-Remaining").contains("Retry-After");
    }
}
