package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.RequestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** One request id per exchange, the same in the gateway's Vert.x handlers, its REST layer and the backends. */
@QuarkusTest
class RequestIdTest {

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
        Backends.relationships().register(get(anyUrl()).willReturn(okJson("{\"items\":[]}")));
        Backends.goals().register(get(anyUrl()).willReturn(okJson("{\"items\":[]}")));
    }

    @Test
    void theIdTheGatewayMakesIsTheOneItsRestLayerEchoesAndRelays() {
        var response = given().auth().oauth2(Callers.teacher()).get("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1);
        String id = response.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        Backends.goals().verifyThat(getRequestedFor(urlPathEqualTo("/api/v1/goals")).withHeader("X-Request-Id", equalTo(id)));
    }

    @Test
    void aProblemFromTheRestLayerNamesTheSameId() {
        var response = given().auth().oauth2(Callers.teacher()).contentType("application/json").body("{}")
                .post("/api/v1/me");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1);
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void acceptsOnlyTheIdsTheServicesAccept() {
        String kept = RequestIds.answeredFor("/api/v1/schools/1", "portal:42.a_b-c");
        String replaced = RequestIds.answeredFor("/api/v1/schools/2", "user@example.org");

        assertThat(kept).isEqualTo("portal:42.a_b-c");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        Backends.directory().verifyThat(getRequestedFor(urlPathEqualTo("/api/v1/schools/2"))
                .withHeader("X-Request-Id", equalTo(replaced)));
    }
}
