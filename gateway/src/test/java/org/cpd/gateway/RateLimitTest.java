package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/** Test limits (GatewayTestStack): client rate-test 3 burst, one token per 50 s; bulk-test 8 burst. */
@QuarkusTest
class RateLimitTest {

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void refusesTheCallBeyondTheBurstWithRetryAfterAndRateLimitHeaders() {
        String token = Callers.practitioner("rate-test", UUID.randomUUID());

        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(token).get("/api/v1/schools").then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        var refused = given().auth().oauth2(token).get("/api/v1/schools");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        refused.then().body("type", is("urn:cpd:problem:rate-limited"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 50);
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("RateLimit-Reset"))).isPositive();
        Backends.directory().verifyThat(3, getRequestedFor(anyUrl()));
    }

    @Test
    void keepsSeparateBucketsForEachPractitionerOfTheSameClient() {
        String first = Callers.practitioner("rate-test", UUID.randomUUID());
        String second = Callers.practitioner("rate-test", UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(first).get("/api/v1/schools").then().statusCode(200);
        }
        given().auth().oauth2(first).get("/api/v1/schools").then().statusCode(429);

        given().auth().oauth2(second).get("/api/v1/schools").then().statusCode(200)
                .header("RateLimit-Remaining", "2");
    }

    @Test
    void givesAClientItsOwnConfiguredAllowance() {
        String bulk = Callers.machine("bulk-test");
        for (int i = 0; i < 8; i++) {
            given().auth().oauth2(bulk).get("/api/v1/schools").then().statusCode(200)
                    .header("RateLimit-Limit", "8");
        }
        given().auth().oauth2(bulk).get("/api/v1/schools").then().statusCode(429);
    }

    @Test
    void appliesTheDefaultLimitToUnlistedClients() {
        given().auth().oauth2(Callers.teacher()).get("/api/v1/schools").then().statusCode(200)
                .header("RateLimit-Limit", "60");
    }
}
