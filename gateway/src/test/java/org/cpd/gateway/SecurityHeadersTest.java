package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SecurityHeadersTest {

    private static final String PORTAL = "https://portal.example.org";

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.goals().register(get(urlPathEqualTo("/api/v1/goals")).willReturn(okJson("{\"items\":[]}")
                .withHeader("Vary", "Accept")));
        Backends.goals().register(get(urlPathEqualTo("/api/v1/portfolios/p-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><body>Portfolio</body></html>")));
        Backends.goals().register(get(urlPathEqualTo("/api/v1/standards-frameworks")).willReturn(okJson("[]")
                .withHeader("Cache-Control", "private, max-age=60")));
    }

    @Test
    void everyApiAnswerIsNotSniffedNotReferredAndNotStored() {
        var response = given().auth().oauth2(Callers.teacher()).get("/api/v1/goals");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Frame-Options")).isNull();
    }

    @Test
    void theGatewaysOwnRefusalsCarryThemToo() {
        var response = given().get("/api/v1/goals");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void htmlIsNotFramedAndRunsNothing() {
        var response = given().auth().oauth2(Callers.teacher()).accept("text/html").get("/api/v1/portfolios/p-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aCachePolicyTheServiceChoseIsKept() {
        var response = given().auth().oauth2(Callers.teacher()).get("/api/v1/standards-frameworks");

        assertThat(response.header("Cache-Control")).isEqualTo("private, max-age=60");
    }

    @Test
    void anAnswerForAnAllowedOriginVariesByOrigin() {
        var actual = given().auth().oauth2(Callers.teacher()).header("Origin", PORTAL).get("/api/v1/goals");
        var preflight = given().header("Origin", PORTAL).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/goals");

        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(actual.header("Vary")).isEqualTo("Accept, Origin");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PORTAL);
        assertThat(preflight.header("Vary")).isEqualTo("Origin");
    }

    @Test
    void anAnswerWithoutCorsDoesNotVaryByOrigin() {
        var response = given().auth().oauth2(Callers.teacher()).get("/api/v1/goals");

        assertThat(response.header("Vary")).isEqualTo("Accept");
    }
}
