package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/privacy/subjects/{id}/export: the services' own exports, asked in parallel with the caller's token. */
@QuarkusTest
class PrivacyExportTest {

    static final UUID PERSON = Callers.TEACHER;
    static final String PATH = "/api/v1/privacy/subjects/" + PERSON + "/export";
    static final String ADMIN = Tokens.admin(UUID.fromString("10000000-0000-4000-8000-000000000001"));

    @BeforeEach
    void threeServicesWithTheirParts() {
        Backends.resetAll();
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(okJson("""
                {"service":"directory-service","practitioner":{"id":"%s","fullName":"Tom <b>Teacher</b>"},
                 "appointments":[]}""".formatted(PERSON))));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(okJson("""
                {"service":"relationships-service","relationships":[{"id":"r-1","form":"MENTORING"}],
                 "confidentialNotesIncluded":true}""")));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(okJson("""
                {"service":"goals-service","goals":[{"id":"g-1","title":"Questioning"}]}""")));
    }

    @Test
    void composesTheThreePartsAskingEachWithTheCallersTokenForThePersonMeant() {
        String me = Callers.teacher();
        given().auth().oauth2(me).header("X-Request-Id", "export-1")
                .get("/api/v1/privacy/subjects/me/export")
                .then().statusCode(200).contentType("application/json")
                .body("practitionerId", equalTo(PERSON.toString()))
                .body("complete", equalTo(true))
                .body("requestedBy.practitionerId", equalTo(PERSON.toString()))
                .body("requestedBy.clientId", equalTo("cpd-portal"))
                .body("directory.practitioner.id", equalTo(PERSON.toString()))
                .body("relationships.relationships.id", contains("r-1"))
                .body("goals.goals.title", contains("Questioning"))
                .body("unavailable", empty());

        for (var backend : new com.github.tomakehurst.wiremock.client.WireMock[]{
                Backends.directory(), Backends.relationships(), Backends.goals()}) {
            backend.verifyThat(getRequestedFor(urlEqualTo(PATH))
                    .withHeader("Authorization", matching("Bearer " + me)).withHeader("X-Request-Id", matching("export-1")));
        }
    }

    @Test
    void aServiceThatFailsOrIsSlowIsListedAndTheArchiveSaysItIsIncomplete() {
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(okJson("{}").withFixedDelay(2500)));

        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("directory.service", equalTo("directory-service"))
                .body("relationships", nullValue())
                .body("goals", nullValue())
                .body("unavailable.service", contains("relationships", "goals"))
                .body("unavailable.reason", contains("timeout", "status-503"))
                .body("unavailable[1].status", equalTo(503));
    }

    @Test
    void aServiceThatDoesNotGiveThisCallerItsPartIsListedToo() {
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));

        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200)
                .body("complete", equalTo(false))
                .body("unavailable[0].service", equalTo("goals"))
                .body("unavailable[0].status", equalTo(404));
    }

    @Test
    void theDirectorysRefusalIsTheArchivesAndSoIsEveryonesRefusal() {
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(404).contentType("application/problem+json");

        Backends.resetAll();
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400AndNoServiceIsAsked() {
        given().auth().oauth2(ADMIN).get("/api/v1/privacy/subjects/not-a-person/export").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("practitionerId"));
        // "me" from a caller who is no practitioner: nobody to export
        given().auth().oauth2(ADMIN).get("/api/v1/privacy/subjects/me/export").then().statusCode(404)
                .contentType("application/problem+json");
        Backends.directory().verifyThat(0, getRequestedFor(urlPathMatching("/api/v1/privacy/.*")));
    }

    @Test
    void aBrowserGetsAPrintablePageWithEveryValueEscapedAndTheMissingPartsSaidFirst() {
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        String page = given().auth().oauth2(ADMIN).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").get(PATH)
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("Subject access export", PERSON.toString(), "This archive is incomplete",
                "goals: status-503", "relationships[0].form", "MENTORING", "Tom &lt;b&gt;Teacher&lt;/b&gt;");
        assertThat(page).doesNotContain("<b>Teacher</b>");
    }

    @Test
    void needsAToken() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }
}
