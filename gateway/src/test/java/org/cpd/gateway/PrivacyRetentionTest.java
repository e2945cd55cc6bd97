package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/privacy/retention: every service's own dry run, in one report. */
@QuarkusTest
class PrivacyRetentionTest {

    static final String PATH = "/api/v1/privacy/retention";
    static final String ADMIN = Tokens.admin(UUID.fromString("10000000-0000-4000-8000-000000000001"));

    static String part(String service, String kind, int due, String asOf) {
        return """
                {"asOf":"%s","unavailable":[],"kinds":[{"service":"%s","kind":"%s","retention":"PT8760H",
                 "countedFrom":"the entry","outcome":"deleted","cutoff":"2025-12-01T10:00:00Z","due":%d,
                 "oldest":null,"enforced":true}]}""".formatted(asOf, service, kind, due);
    }

    @BeforeEach
    void reset() {
        Backends.resetAll();
    }

    @Test
    void theServicesReportsAreOneReportAskedWithTheCallersToken() {
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(okJson(part("directory-service", "deactivated-practitioners", 2, "2026-12-01T10:00:02Z"))));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(okJson(part("relationships-service", "confidential-notes", 3, "2026-12-01T10:00:01Z"))));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(okJson(part("goals-service", "private-evidence", 0, "2026-12-01T10:00:03Z"))));

        given().auth().oauth2(ADMIN).header("X-Request-Id", "retention-1").get(PATH).then().statusCode(200)
                .contentType("application/json")
                .body("kinds.service", contains("directory-service", "goals-service", "relationships-service"))
                .body("kinds.due", contains(2, 0, 3))
                .body("asOf", equalTo("2026-12-01T10:00:01Z"))
                .body("unavailable", empty());
        Backends.relationships().verifyThat(getRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", matching("Bearer " + ADMIN)).withHeader("X-Request-Id", matching("retention-1")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsListedAndTheOthersAreReported() {
        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(okJson(part("directory-service", "deactivated-practitioners", 2, "2026-12-01T10:00:00Z"))));
        Backends.relationships().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Backends.goals().register(get(urlEqualTo(PATH)).willReturn(okJson("{\"not\":\"a report\"}")));

        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200)
                .body("kinds.kind", contains("deactivated-practitioners"))
                .body("unavailable", contains("relationships", "goals"));

        Backends.directory().register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
        given().auth().oauth2(ADMIN).get(PATH).then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:service-unavailable"));
    }

    @Test
    void theServicesRefusalIsTheAnswer() {
        String refusal = "{\"type\":\"urn:cpd:problem:forbidden\",\"status\":403,\"title\":\"Forbidden\"}";
        for (var backend : new com.github.tomakehurst.wiremock.client.WireMock[] {
                Backends.directory(), Backends.relationships(), Backends.goals()}) {
            backend.register(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(403)
                    .withHeader("Content-Type", "application/problem+json").withBody(refusal)));
        }
        given().auth().oauth2(Tokens.practitioner(UUID.randomUUID(), "100001")).get(PATH).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:cpd:problem:forbidden"));
        given().get(PATH).then().statusCode(401);
    }
}
