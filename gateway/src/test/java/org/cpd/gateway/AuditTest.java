package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.routing.RouteTable;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.Elapsed;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/audit: the services' own audit pages, asked in parallel with the caller's token and merged by time. */
@QuarkusTest
class AuditTest {

    static final String ADMIN = Tokens.admin(UUID.fromString("10000000-0000-4000-8000-000000000001"));

    static String entry(String service, long sequence, String at) {
        return """
                {"service":"%s","sequence":%d,"occurredAt":"%s","actor":"lead-1","actorPractitionerId":null,
                 "clientId":"cpd-portal","action":"read","resourceType":"practitioner","resourceId":"r-%d",
                 "subjectPersonId":"30000000-0000-4000-8000-000000000003",
                 "partnershipIds":["10000000-0000-4000-8000-000000000001"],"reason":null,"details":null,
                 "requestId":"req-%d"}""".formatted(service, sequence, at, sequence, sequence);
    }

    static String page(String next, String... entries) {
        return "{\"items\":[" + String.join(",", entries) + "],\"nextCursor\":" + (next == null ? "null" : "\"" + next + "\"") + "}";
    }

    @BeforeEach
    void threeServicesWithTheirOwnEntries() {
        Backends.resetAll();
        Backends.directory().register(get(urlPathEqualTo("/api/v1/audit")).willReturn(okJson(page(null,
                entry("directory-service", 1, "2026-11-30T09:00:00Z"),
                entry("directory-service", 2, "2026-11-30T09:03:00Z")))));
        Backends.relationships().register(get(urlPathEqualTo("/api/v1/audit")).willReturn(okJson(page(null,
                entry("relationships-service", 7, "2026-11-30T09:01:00Z")))));
        Backends.goals().register(get(urlPathEqualTo("/api/v1/audit")).willReturn(okJson(page(null,
                entry("goals-service", 3, "2026-11-30T09:02:00Z"),
                entry("goals-service", 4, "2026-11-30T09:04:00Z")))));
    }

    @Test
    void mergesTheServicesPagesByTimeAskingEachWithTheCallersTokenAndFilters() {
        given().auth().oauth2(ADMIN).header("X-Request-Id", "audit-1")
                .get("/api/v1/audit?subject=30000000-0000-4000-8000-000000000003&action=read")
                .then().statusCode(200)
                .body("items.service", contains("directory-service", "relationships-service", "goals-service",
                        "directory-service", "goals-service"))
                .body("items.sequence", contains(1, 7, 3, 2, 4))
                .body("nextCursor", nullValue())
                .body("unavailable", empty());

        String asked = "/api/v1/audit?limit=50&subject=30000000-0000-4000-8000-000000000003&action=read";
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo(asked))
                .withHeader("Authorization", matching("Bearer " + ADMIN)).withHeader("X-Request-Id", matching("audit-1")));
        Backends.relationships().verifyThat(getRequestedFor(urlEqualTo(asked)));
        Backends.goals().verifyThat(getRequestedFor(urlEqualTo(asked)));
    }

    @Test
    void pagesTheMergedAuditWithOneCompositeCursorGivingEachEntryOnce() {
        List<Integer> sequences = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ExtractableResponse<Response> page = given().auth().oauth2(ADMIN)
                    .get("/api/v1/audit?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract();
            sequences.addAll(page.jsonPath().getList("items.sequence"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(sequences).containsExactly(1, 7, 3, 2, 4);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void followsEachServicesOwnCursorWhenItHasMore() {
        Backends.directory().register(get(urlEqualTo("/api/v1/audit?limit=1")).willReturn(okJson(page("dir-next",
                entry("directory-service", 1, "2026-11-30T09:00:00Z")))));
        Backends.directory().register(get(urlEqualTo("/api/v1/audit?limit=1&cursor=dir-next")).willReturn(okJson(page(null,
                entry("directory-service", 2, "2026-11-30T09:03:00Z")))));

        String next = given().auth().oauth2(ADMIN).get("/api/v1/audit?limit=1").then().statusCode(200)
                .body("items.sequence", contains(1)).extract().path("nextCursor");
        given().auth().oauth2(ADMIN).get("/api/v1/audit?limit=1&cursor=" + next).then().statusCode(200)
                .body("items.sequence", contains(7));
        Backends.directory().verifyThat(getRequestedFor(urlEqualTo("/api/v1/audit?limit=1&cursor=dir-next")));
    }

    @Test
    void listsAServiceThatFailsAndKeepsItsPlace() {
        Backends.goals().register(get(urlPathEqualTo("/api/v1/audit")).willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(Callers.teacher()).get("/api/v1/audit?subject=me").then().statusCode(200)
                .body("items.service", contains("directory-service", "relationships-service", "directory-service"))
                .body("unavailable", hasSize(1))
                .body("unavailable[0].service", equalTo("goals"))
                .body("unavailable[0].status", equalTo(503))
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void givesUpOnASlowService() {
        Backends.relationships().register(get(urlPathEqualTo("/api/v1/audit"))
                .willReturn(okJson(page(null)).withFixedDelay(3000)));

        Elapsed.within(Duration.ofMillis(2500), () -> given().auth().oauth2(ADMIN).get("/api/v1/audit").then().statusCode(200)
                .body("items", hasSize(4))
                .body("unavailable[0].service", equalTo("relationships"))
                .body("unavailable[0].reason", equalTo("timeout")));
    }

    @Test
    void badInputIsA400ProblemAndNoServiceIsAsked() {
        for (String query : List.of("?cursor=not-a-cursor", "?limit=0", "?limit=many", "?from=yesterday",
                "?to=%2B99999-01-01T00:00:00Z", "?resourceType=diary", "?action=peek", "?subject=someone")) {
            given().urlEncodingEnabled(false).auth().oauth2(ADMIN).get("/api/v1/audit" + query).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        Backends.directory().verifyThat(0, getRequestedFor(urlPathEqualTo("/api/v1/audit")));
    }

    @Test
    void aServicesRefusalIsTheCallersBadInput() {
        Backends.goals().register(get(urlPathEqualTo("/api/v1/audit")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:cpd:problem:validation-failed\",\"title\":\"Request is not valid\",\"status\":400,"
                        + "\"errors\":[{\"field\":\"updatedSince\",\"message\":\"must be between 0001-01-01 and 9999-12-31\"}]}")));

        given().auth().oauth2(ADMIN).get("/api/v1/audit?updatedSince=0000-01-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void noServiceRouteMayClaimTheAuditSegment() {
        GatewayConfig.Route claimsAudit = new GatewayConfig.Route() {
            public URI url() {
                return URI.create("http://localhost:1");
            }

            public List<String> segments() {
                return List.of("goals", "audit");
            }

            public boolean openapi() {
                return true;
            }

            public Optional<URI> managementUrl() {
                return Optional.empty();
            }
        };
        assertThatThrownBy(() -> new RouteTable(Map.of("goals", claimsAudit)))
                .hasMessageContaining("'audit' belongs to the gateway");
    }

    @Test
    void needsAToken() {
        given().get("/api/v1/audit").then().statusCode(401);
    }
}
