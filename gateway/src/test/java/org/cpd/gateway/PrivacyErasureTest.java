package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/privacy/subjects/{id}/erasure: the request relayed to the directory, the status asked of every service. */
@QuarkusTest
class PrivacyErasureTest {

    static final UUID PERSON = UUID.fromString("30000000-0000-4000-8000-0000000000e1");
    static final String PATH = "/api/v1/privacy/subjects/" + PERSON + "/erasure";
    static final String ADMIN = Tokens.admin(UUID.fromString("10000000-0000-4000-8000-000000000001"));
    static final String RECORD = """
            {"id":"e0000000-0000-4000-8000-000000000001","practitionerId":"%s","requestedAt":"2026-12-01T10:00:00Z"}"""
            .formatted(PERSON);

    @BeforeEach
    void reset() {
        Backends.resetAll();
    }

    @Test
    void theRequestGoesToTheDirectoryWithTheCallersTokenAndItsAnswerIsRelayed() {
        Backends.directory().register(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(RECORD)));
        given().auth().oauth2(ADMIN).header("X-Request-Id", "erase-1").post(PATH)
                .then().statusCode(202).contentType("application/json").body("practitionerId", equalTo(PERSON.toString()));
        Backends.directory().verifyThat(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", matching("Bearer " + ADMIN)).withHeader("X-Request-Id", matching("erase-1")));

        Backends.directory().register(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:cpd:problem:not-found\",\"status\":404,\"title\":\"Not found\"}")));
        given().auth().oauth2(ADMIN).post(PATH).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsA503AndABadIdIsA400BeforeAnyServiceIsAsked() {
        Backends.directory().register(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(202).withFixedDelay(2500)));
        given().auth().oauth2(ADMIN).post(PATH).then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:service-unavailable"));

        for (String bad : new String[] {"me", "1-1-1-1-1", "not-a-person"}) {
            given().auth().oauth2(ADMIN).post("/api/v1/privacy/subjects/" + bad + "/erasure")
                    .then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(ADMIN).get("/api/v1/privacy/subjects/" + bad + "/erasure")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().post(PATH).then().statusCode(401);
    }

    @Test
    void theStatusSaysWhichServicesHaveAppliedTheErasure() {
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(okJson(RECORD)));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(okJson(RECORD)));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200)
                .body("practitionerId", equalTo(PERSON.toString()))
                .body("complete", equalTo(false))
                .body("services.service", contains("directory", "relationships", "goals"))
                .body("services.state", contains("APPLIED", "APPLIED", "PENDING"))
                .body("services[0].erasure.practitionerId", equalTo(PERSON.toString()))
                .body("services[2].erasure", nullValue());

        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(okJson(RECORD)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200).body("complete", equalTo(true));

        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200).body("complete", equalTo(false))
                .body("services[1].state", equalTo("UNAVAILABLE")).body("services[1].reason", equalTo("status-503"));
    }

    @Test
    void beforeTheErasureOrForSomeoneElseTheStatusIsA404() {
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(okJson(RECORD)));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(okJson(RECORD)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(404).contentType("application/problem+json");
    }
}
