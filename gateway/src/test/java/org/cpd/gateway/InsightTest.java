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

import io.quarkus.test.junit.QuarkusTest;
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

    String admin;

    @BeforeEach
    void stubParts() {
        Backends.resetAll();
        admin = Tokens.admin(PARTNERSHIP);
        Backends.relationships().register(get(urlPathEqualTo(PATH)).willReturn(okJson(RELATIONSHIPS)));
        Backends.goals().register(get(urlPathEqualTo(PATH)).willReturn(okJson(GOALS)));
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
                .body("unavailable", empty());
        for (var backend : new com.github.tomakehurst.wiremock.client.WireMock[]{Backends.relationships(), Backends.goals()}) {
            backend.verifyThat(getRequestedFor(urlEqualTo(PATH + "?form=MENTORING&from=2026-09-01"))
                    .withHeader("Authorization", equalTo("Bearer " + admin))
                    .withHeader("X-Request-Id", equalTo("insight-1")));
        }
    }

    @Test
    void aFailedServiceIsListedAsUnavailable() {
        Backends.goals().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        given().auth().oauth2(admin).get(PATH).then().statusCode(200)
                .body("goals", nullValue())
                .body("relationships.suppressionThreshold", is(5))
                .body("unavailable", hasSize(1))
                .body("unavailable[0].part", is("goals"))
                .body("unavailable[0].status", is(503));
    }

    @Test
    void notFoundWhenNoServiceShowsItAndTheServicesBadFilterIsTheGatewaysOwn() {
        String notFound = "{\"type\":\"urn:cpd:problem:not-found\",\"title\":\"Not found\",\"status\":404}";
        Backends.relationships().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(notFound)));
        Backends.goals().register(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)
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
                "goals,evidenceByStandard,framework=TS;standard=TS2,evidence,,true");
        assertThat(csv).doesNotContain("notAvailable").doesNotContain("scope");
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
    void aSchoolByDirectoryIdIsResolvedToItsUrn() {
        UUID school = UUID.randomUUID();
        String lead = Tokens.schoolLead(UUID.randomUUID(), "100001");
        Backends.directory().register(get(urlEqualTo("/api/v1/schools/" + school))
                .willReturn(okJson("{\"id\":\"" + school + "\",\"urn\":\"100001\",\"name\":\"Demo School\"}")));
        Backends.relationships().register(get(urlPathEqualTo("/api/v1/insight/schools/100001")).willReturn(okJson(RELATIONSHIPS)));
        Backends.goals().register(get(urlPathEqualTo("/api/v1/insight/schools/100001")).willReturn(okJson(GOALS)));
        given().auth().oauth2(lead).get("/api/v1/insight/schools/" + school).then().statusCode(200)
                .body("kind", is("SCHOOL")).body("schoolUrn", is("100001")).body("unavailable", empty());
        given().auth().oauth2(lead).get("/api/v1/insight/schools/100001").then().statusCode(200).body("schoolUrn", is("100001"));
        Backends.directory().register(get(urlEqualTo("/api/v1/schools/" + school)).willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(lead).get("/api/v1/insight/schools/" + school).then().statusCode(404);
    }
}
