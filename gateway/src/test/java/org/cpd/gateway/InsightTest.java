package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend paths stubbed here are the services' insight operations the composed view relies on. */
@QuarkusTest
class InsightTest {

    static final UUID PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final String PATH = "/api/v1/insight/partnerships/" + PARTNERSHIP;
    static final String RELATIONSHIPS = """
            {"scope":{"kind":"PARTNERSHIP","partnershipId":"%s"},"suppressionThreshold":5,
             "relationshipsByFormAndStatus":[
               {"form":"MENTORING","status":"ACTIVE","relationships":{"value":10,"suppressed":false}},
               {"form":"MENTORING","status":"CLOSED","relationships":{"value":null,"suppressed":true}}],
             "pipeline":[{"form":"ALL","proposed":{"value":15,"suppressed":false},"medianDaysToActive":4.5}],
             "coCoachingReciprocity":{"relationships":{"value":5,"suppressed":false},"averageBalance":0.8},
             "notAvailable":["supporterLoadByExpertise: not kept"]}""".formatted(PARTNERSHIP);
    static final String GOALS = """
            {"scope":{"kind":"PARTNERSHIP"},"suppressionThreshold":5,"goalsSet":{"value":25,"suppressed":false},
             "evidenceByStandard":[{"framework":"TS","standard":"TS2","evidence":{"value":null,"suppressed":true}}]}""";
    static final String LOAD = """
            {"scope":{"kind":"PARTNERSHIP","partnershipId":"%s"},"asOf":"2026-12-01T10:00:00Z","suppressionThreshold":5,
             "byForm":[{"form":"MENTORING","supporters":{"value":10,"suppressed":false},"paused":{"value":null,"suppressed":true},
               "capacity":{"value":25,"suppressed":false},"load":{"value":30,"suppressed":false},
               "freePlaces":{"value":5,"suppressed":false},"overloaded":{"value":5,"suppressed":false},
               "atCapacity":{"value":null,"suppressed":true}},
              {"form":"CO_COACHING","supporters":{"value":0,"suppressed":false},"paused":{"value":0,"suppressed":false},
               "capacity":{"value":0,"suppressed":false},"load":{"value":0,"suppressed":false},
               "freePlaces":{"value":0,"suppressed":false},"overloaded":{"value":0,"suppressed":false},
               "atCapacity":{"value":0,"suppressed":false}}],
             "byExpertise":[{"area":"SEND","form":"SPECIALIST_COACHING","supporters":{"value":null,"suppressed":true},
               "paused":{"value":0,"suppressed":false},"capacity":{"value":null,"suppressed":true},
               "load":{"value":null,"suppressed":true},"freePlaces":{"value":null,"suppressed":true},
               "overloaded":{"value":0,"suppressed":false},"atCapacity":{"value":0,"suppressed":false}}],
             "bySchool":[{"schoolUrn":"100001","form":"MENTORING","supporters":{"value":10,"suppressed":false},
               "paused":{"value":0,"suppressed":false},"capacity":{"value":20,"suppressed":false},
               "load":{"value":15,"suppressed":false},"freePlaces":{"value":5,"suppressed":false},
               "overloaded":{"value":0,"suppressed":false},"atCapacity":{"value":5,"suppressed":false}}]}""".formatted(PARTNERSHIP);

    String admin;

    @BeforeEach
    void stubParts() {
        Backends.resetAll();
        admin = Tokens.admin(PARTNERSHIP);
        Backends.relationships().register(get(urlPathEqualTo(PATH)).willReturn(okJson(RELATIONSHIPS)));
        Backends.goals().register(get(urlPathEqualTo(PATH)).willReturn(okJson(GOALS)));
        Backends.directory().register(get(urlPathEqualTo(PATH)).willReturn(okJson(LOAD)));
    }

    @Test
    void composesThePartsWithTheCallersTokenAndFilters() {
        given().auth().oauth2(admin).header("X-Request-Id", "insight-1")
                .queryParam("form", "MENTORING").queryParam("from", "2026-09-01").get(PATH)
                .then().statusCode(200)
                .body("kind", is("PARTNERSHIP"))
                .body("partnershipId", is(PARTNERSHIP.toString()))
                .body("relationships.relationshipsByFormAndStatus", hasSize(2))
                .body("relationships.relationshipsByFormAndStatus[1].relationships.suppressed", is(true))
                .body("goals.goalsSet.value", is(25))
                .body("supportLoad.byForm[0].form", is("MENTORING"))
                .body("supportLoad.byForm[0].overloaded.value", is(5))
                .body("supportLoad.byExpertise[0].supporters.suppressed", is(true))
                .body("unavailable", empty());
        for (var backend : new com.github.tomakehurst.wiremock.client.WireMock[]{Backends.relationships(), Backends.goals()}) {
            backend.verifyThat(getRequestedFor(urlEqualTo(PATH + "?form=MENTORING&from=2026-09-01"))
                    .withHeader("Authorization", equalTo("Bearer " + admin))
                    .withHeader("X-Request-Id", equalTo("insight-1")));
        }
        // load is now: directory-service takes the school and form, not the dates
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo(PATH + "?form=MENTORING"))
                .withHeader("Authorization", equalTo("Bearer " + admin))
                .withHeader("X-Request-Id", equalTo("insight-1")));
    }

    @Test
    void theSchoolFilterReachesTheLoadPart() {
        given().auth().oauth2(admin).queryParam("school", "100001").queryParam("to", "2026-12-01").get(PATH)
                .then().statusCode(200).body("supportLoad.bySchool[0].schoolUrn", is("100001"));
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo(PATH + "?school=100001")));
    }

    /** The view while {@code backend} answers 503: its part is null and the only one listed unavailable. */
    ValidatableResponse viewWhileDown(WireMock backend, String part) {
        backend.register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        return given().auth().oauth2(admin).get(PATH).then().statusCode(200)
                .body(part, nullValue())
                .body("relationships.suppressionThreshold", is(5))
                .body("unavailable", hasSize(1))
                .body("unavailable[0].part", is(part))
                .body("unavailable[0].status", is(503));
    }

    @Test
    void aDirectoryThatDoesNotAnswerLeavesTheLoadPartUnavailable() {
        viewWhileDown(Backends.directory(), "supportLoad")
                .body("goals.goalsSet.value", is(25))
                .body("unavailable[0].service", is("directory"));
        Backends.directory().register(get(urlPathEqualTo(PATH))
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        given().auth().oauth2(admin).get(PATH).then().statusCode(200)
                .body("supportLoad", nullValue())
                .body("unavailable[0].part", is("supportLoad"))
                .body("unavailable[0].status", nullValue());
    }

    @Test
    void aFailedServiceIsListedAsUnavailable() {
        viewWhileDown(Backends.goals(), "goals");
    }

    @Test
    void notFoundWhenNoServiceShowsItAndTheServicesBadFilterIsTheGatewaysOwn() {
        String notFound = "{\"type\":\"urn:cpd:problem:not-found\",\"title\":\"Not found\",\"status\":404}";
        Backends.relationships().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(notFound)));
        Backends.goals().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(notFound)));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(PATH).then().statusCode(200)
                .body("unavailable.part", org.hamcrest.Matchers.contains("goals", "relationships"));
        Backends.directory().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(notFound)));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(PATH).then().statusCode(404)
                .contentType("application/problem+json");

        Backends.relationships().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:cpd:problem:invalid-date-range\",\"title\":\"Bad\",\"status\":400,\"detail\":\"from is after to\"}")));
        given().auth().oauth2(admin).queryParam("from", "2026-05-01").queryParam("to", "2026-04-01").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:cpd:problem:invalid-date-range"));
        given().auth().oauth2(admin).queryParam("format", "pdf").get(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        given().get(PATH).then().statusCode(401);
    }

    @Test
    void everyTableAsCsvWithSuppressedCellsEmpty() {
        String csv = given().auth().oauth2(admin).accept("text/csv").get(PATH).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).contains(
                "part,table,row,measure,value,suppressed",
                "relationships,relationshipsByFormAndStatus,form=MENTORING;status=ACTIVE,relationships,10,false",
                "relationships,relationshipsByFormAndStatus,form=MENTORING;status=CLOSED,relationships,,true",
                "relationships,pipeline,form=ALL,proposed,15,false",
                "relationships,pipeline,form=ALL,medianDaysToActive,4.5,",
                "relationships,coCoachingReciprocity,,relationships,5,false",
                "goals,goalsSet,,count,25,false",
                "goals,evidenceByStandard,framework=TS;standard=TS2,evidence,,true",
                "supportLoad,byForm,form=MENTORING,supporters,10,false",
                "supportLoad,byForm,form=MENTORING,capacity,25,false",
                "supportLoad,byForm,form=MENTORING,load,30,false",
                "supportLoad,byForm,form=MENTORING,freePlaces,5,false",
                "supportLoad,byForm,form=MENTORING,overloaded,5,false",
                "supportLoad,byForm,form=MENTORING,atCapacity,,true",
                "supportLoad,byExpertise,area=SEND;form=SPECIALIST_COACHING,supporters,,true",
                "supportLoad,bySchool,schoolUrn=100001;form=MENTORING,load,15,false");
        assertThat(csv).doesNotContain("notAvailable").doesNotContain("scope").doesNotContain("asOf");
        String viaFormat = given().auth().oauth2(admin).queryParam("format", "csv").get(PATH).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(viaFormat).isEqualTo(csv);
    }

    @Test
    void thePrintableReportHasASvgChartPerTableAndNoScript() {
        String html = given().auth().oauth2(admin).accept("text/html").get(PATH).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("<svg class=\"insight-chart\"", "relationships · relationshipsByFormAndStatus",
                "goals · evidenceByStandard", ">suppressed</text>", "medianDaysToActive").doesNotContain("<script");
        assertThat(given().auth().oauth2(admin).queryParam("format", "html").get(PATH).then().statusCode(200)
                .contentType("text/html").extract().asString()).isEqualTo(html);
    }

    @Test
    void theReportDrawsLoadAgainstCapacityAndTablesIt() {
        String html = given().auth().oauth2(admin).queryParam("format", "html").get(PATH).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(html).contains("Supporters' load against capacity", "<svg class=\"insight-chart\" data-chart=\"load\"",
                "supportLoad · byForm (by form)", "supportLoad · byExpertise (by expertise area and form)",
                "supportLoad · bySchool (by school and form)",
                // capacity 25 is the widest of the table: 300 px; 30 taken of it, over capacity, drawn red
                "<rect class=\"capacity\" x=\"330\" y=\"5\" width=\"250\"", "<rect class=\"overloaded\" x=\"330\" y=\"9\" width=\"300\"",
                ">30 of 25</text>", ">100001 · MENTORING</text>", ">SEND · SPECIALIST_COACHING</text>",
                "<tr><td>MENTORING</td><td>10</td><td>suppressed</td><td>25</td><td>30</td><td>5</td><td>5</td><td>suppressed</td></tr>")
                .doesNotContain("CO_COACHING").doesNotContain("supportLoad · byForm</h2>").doesNotContain("<script");
        // a suppressed row is a grey stub, never a value
        assertThat(html).contains("<rect class=\"suppressed\" x=\"330\" y=\"5\" width=\"6\"");
    }

    @Test
    void aSchoolByDirectoryIdIsResolvedToItsUrn() {
        UUID school = UUID.randomUUID();
        String lead = Tokens.schoolLead(UUID.randomUUID(), "100001");
        Backends.directory().register(get(urlEqualTo("/api/v1/schools/" + school))
                .willReturn(okJson("{\"id\":\"" + school + "\",\"urn\":\"100001\",\"name\":\"Demo School\"}")));
        Backends.relationships().register(get(urlPathEqualTo("/api/v1/insight/schools/100001")).willReturn(okJson(RELATIONSHIPS)));
        Backends.goals().register(get(urlPathEqualTo("/api/v1/insight/schools/100001")).willReturn(okJson(GOALS)));
        Backends.directory().register(get(urlPathEqualTo("/api/v1/insight/schools/100001")).willReturn(okJson(LOAD)));
        given().auth().oauth2(lead).get("/api/v1/insight/schools/" + school).then().statusCode(200)
                .body("kind", is("SCHOOL")).body("schoolUrn", is("100001")).body("unavailable", empty());
        given().auth().oauth2(lead).get("/api/v1/insight/schools/100001").then().statusCode(200).body("schoolUrn", is("100001"));
        Backends.directory().register(get(urlEqualTo("/api/v1/schools/" + school)).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(lead).get("/api/v1/insight/schools/" + school).then().statusCode(404);
    }
}
