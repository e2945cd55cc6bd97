package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.RequestIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class RoutingTest {

    @BeforeEach
    void reset() {
        Backends.resetAll();
    }

    @Test
    void routesEachSegmentToTheServiceThatOwnsIt() {
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{\"from\":\"directory\"}")));
        Backends.relationships().register(get(anyUrl()).willReturn(okJson("{\"from\":\"relationships\"}")));
        Backends.goals().register(get(anyUrl()).willReturn(okJson("{\"from\":\"goals\"}")));
        String token = Callers.teacher();

        for (String[] c : new String[][]{{"schools", "directory"}, {"cpd-records", "directory"}, {"accounts", "directory"},
                {"support-offers", "directory"}, {"conversations", "relationships"},
                {"activity-catalogue", "relationships"}, {"evidence", "goals"}, {"standards-frameworks", "goals"}}) {
            given().auth().oauth2(token).get("/api/v1/" + c[0] + "/x")
                    .then().statusCode(200).body("from", is(c[1]));
        }
    }

    @Test
    void passesMethodQueryHeadersStatusAndBodyBothWays() {
        Backends.goals().register(post(urlPathEqualTo("/api/v1/goals"))
                .willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Location", "/api/v1/goals/g-1")
                        .withHeader("ETag", "\"3\"")
                        .withBody("{\"id\":\"g-1\"}")));
        String token = Callers.teacher();

        given().auth().oauth2(token)
                .header("Idempotency-Key", "k-123")
                .contentType("application/json")
                .body("{\"title\":\"Questioning\"}")
                .queryParam("dryRun", "false")
                .queryParam("tag", "a", "b")
                .post("/api/v1/goals")
                .then().statusCode(201)
                .header("Location", "/api/v1/goals/g-1")
                .header("ETag", "\"3\"")
                .body("id", is("g-1"));

        Backends.goals().verifyThat(postRequestedFor(urlEqualTo("/api/v1/goals?dryRun=false&tag=a&tag=b"))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Idempotency-Key", equalTo("k-123"))
                .withRequestBody(equalToJson("{\"title\":\"Questioning\"}")));
    }

    @Test
    void relaysBackendErrorsUntouched() {
        Backends.directory().register(get(urlPathEqualTo("/api/v1/practitioners/p-9")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:cpd:problem:not-found\",\"status\":404}")));

        given().auth().oauth2(Callers.teacher()).get("/api/v1/practitioners/p-9")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:not-found"));
    }

    @Test
    void dropsHopByHopHeadersAndSetsForwardedHeaders() {
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")
                .withHeader("Keep-Alive", "timeout=5").withHeader("X-Backend", "yes")));

        var response = given().auth().oauth2(Callers.teacher())
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "must-not-pass")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic abc")
                .header("X-Custom", "passes")
                .get("/api/v1/schools/100001");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Backend")).isEqualTo("yes");
        assertThat(response.header("Keep-Alive")).isNull();
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo("/api/v1/schools/100001"))
                .withHeader("X-Custom", equalTo("passes"))
                .withHeader("X-Secret-Hop", absent())
                .withHeader("Keep-Alive", absent())
                .withHeader("Proxy-Authorization", absent())
                .withHeader("X-Forwarded-For", matching(".+"))
                .withHeader("X-Forwarded-Proto", equalTo("http"))
                .withHeader("X-Forwarded-Host", matching("localhost:\\d+"))
                .withHeader("X-Forwarded-Port", matching("\\d+")));
    }

    @Test
    void unknownSegmentIsANotFoundProblem() {
        given().auth().oauth2(Callers.teacher()).get("/api/v1/unicorns/1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:route-not-found"))
                .body("status", is(404));
    }

    @Test
    void unreachableBackendIsAServiceUnavailableProblem() {
        given().auth().oauth2(Callers.teacher()).get("/api/v1/gone-area/1")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", is("urn:cpd:problem:service-unavailable"))
                .body("requestId", notNullValue());
    }

    @Test
    void silentBackendIsAGatewayTimeoutProblem() {
        Backends.relationships().register(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(4000)));

        given().auth().oauth2(Callers.teacher()).get("/api/v1/referrals")
                .then().statusCode(504).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:gateway-timeout"));
    }

    @Test
    void forwardsAndEchoesTheCallersRequestId() {
        Backends.goals().register(get(anyUrl()).willReturn(okJson("{}").withHeader("X-Request-Id", "backend-echo")));

        given().auth().oauth2(Callers.teacher()).header("X-Request-Id", "abc-123")
                .get("/api/v1/portfolios/1")
                .then().statusCode(200).header("X-Request-Id", "abc-123");
        Backends.goals().verifyThat(getRequestedFor(urlEqualTo("/api/v1/portfolios/1"))
                .withHeader("X-Request-Id", equalTo("abc-123")));
    }

    @Test
    void replacesAMissingOrUnsafeRequestIdWithAGeneratedOne() {
        Backends.goals().register(get(anyUrl()).willReturn(okJson("{}")));

        String generated = RequestIds.answeredFor("/api/v1/portfolios/2", null);
        String replaced = RequestIds.answeredFor("/api/v1/portfolios/3", "bad id\u0007<script>");

        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(replaced).matches("[0-9a-f-]{36}");
        Backends.goals().verifyThat(getRequestedFor(urlEqualTo("/api/v1/portfolios/3"))
                .withHeader("X-Request-Id", equalTo(replaced)));
    }
}
