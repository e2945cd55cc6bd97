package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.Elapsed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The backend paths stubbed here are the contract /me relies on (reported to the service owners). */
@QuarkusTest
class MeTest {

    static final String PROFILE = "/api/v1/practitioners/" + Callers.TEACHER;
    static final String RELATIONSHIPS = "/api/v1/relationships?participant=me&status=ACTIVE";
    static final String GOALS = "/api/v1/goals?owner=me&status=ACTIVE";
    static final String CONVERSATIONS = "/api/v1/conversations?participant=me&upcoming=true";
    static final String ACTIONS = "/api/v1/relationships/actions?owner=me&open=true";

    @BeforeEach
    void stubEveryPart() {
        Backends.resetAll();
        Backends.directory().register(get(urlEqualTo(PROFILE)).willReturn(okJson(
                "{\"id\":\"" + Callers.TEACHER + "\",\"displayName\":\"Teacher Demo\"}")));
        Backends.relationships().register(get(urlEqualTo(RELATIONSHIPS)).willReturn(okJson(
                "{\"items\":[{\"id\":\"r-1\",\"form\":\"SPECIALIST_COACHING\"}],\"nextCursor\":null}")));
        Backends.goals().register(get(urlEqualTo(GOALS)).willReturn(okJson(
                "{\"items\":[{\"id\":\"g-1\"},{\"id\":\"g-2\"}],\"nextCursor\":null}")));
        Backends.relationships().register(get(urlEqualTo(CONVERSATIONS)).willReturn(okJson(
                "{\"items\":[{\"id\":\"c-1\",\"date\":\"2026-12-01\"}],\"nextCursor\":null}")));
        Backends.relationships().register(get(urlEqualTo(ACTIONS)).willReturn(okJson(
                "{\"items\":[],\"nextCursor\":null}")));
    }

    @Test
    void composesProfileRelationshipsGoalsConversationsAndActionsWithTheCallersToken() {
        String token = Callers.teacher();

        given().auth().oauth2(token).header("X-Request-Id", "me-1").get("/api/v1/me")
                .then().statusCode(200)
                .body("practitionerId", is(Callers.TEACHER.toString()))
                .body("clientId", is("cpd-portal"))
                .body("profile.displayName", is("Teacher Demo"))
                .body("relationships", hasSize(1))
                .body("relationships[0].form", is("SPECIALIST_COACHING"))
                .body("goals", hasSize(2))
                .body("upcomingConversations[0].id", is("c-1"))
                .body("actionsDue", empty())
                .body("unavailable", empty());

        for (String path : new String[]{RELATIONSHIPS, CONVERSATIONS, ACTIONS}) {
            Backends.relationships().verifyThat(getRequestedFor(urlEqualTo(path))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .withHeader("X-Request-Id", equalTo("me-1")));
        }
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo(PROFILE))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        Backends.goals().verifyThat(getRequestedFor(urlEqualTo(GOALS))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void listsAFailingPartAsUnavailableInsteadOfFailing() {
        Backends.goals().register(get(urlEqualTo(GOALS)).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(Callers.teacher()).get("/api/v1/me")
                .then().statusCode(200)
                .body("goals", nullValue())
                .body("relationships", hasSize(1))
                .body("unavailable", hasSize(1))
                .body("unavailable[0].part", is("goals"))
                .body("unavailable[0].service", is("goals"))
                .body("unavailable[0].status", is(503));
    }

    @Test
    void asksEveryServiceInParallelAndGivesUpOnASlowPart() {
        // Each part takes 700 ms; the timeout per part is 1 s. In sequence this would take at least 3.8 s.
        Backends.relationships().register(get(urlEqualTo(RELATIONSHIPS)).willReturn(okJson("{\"items\":[]}").withFixedDelay(700)));
        Backends.relationships().register(get(urlEqualTo(CONVERSATIONS)).willReturn(okJson("{\"items\":[]}").withFixedDelay(700)));
        Backends.relationships().register(get(urlEqualTo(ACTIONS)).willReturn(okJson("{\"items\":[]}").withFixedDelay(700)));
        Backends.goals().register(get(urlEqualTo(GOALS)).willReturn(okJson("{\"items\":[]}").withFixedDelay(700)));
        Backends.directory().register(get(urlEqualTo(PROFILE)).willReturn(okJson("{}").withFixedDelay(5000)));

        Elapsed.within(Duration.ofMillis(3500), () -> given().auth().oauth2(Callers.teacher()).get("/api/v1/me")
                .then().statusCode(200)
                .body("profile", nullValue())
                .body("unavailable", hasSize(1))
                .body("unavailable[0].part", is("profile"))
                .body("unavailable[0].reason", is("timeout")));
    }

    @Test
    void answersAMachineClientWithoutPractitionerProfile() {
        given().auth().oauth2(Callers.machine("cpd-mis-demo")).get("/api/v1/me")
                .then().statusCode(200)
                .body("practitionerId", nullValue())
                .body("profile", nullValue())
                .body("unavailable[0].part", is("profile"))
                .body("unavailable[0].reason", is("token-has-no-practitioner-id"));
    }
}
