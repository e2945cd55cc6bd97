package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway is the first hop of every trace: a service behind it gets a W3C traceparent that
 * continues the caller's trace, or starts one when the caller sent none (docs/events.md, Traces).
 */
@QuarkusTest
class TracePropagationTest {

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void theServiceContinuesTheCallersTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        given().auth().oauth2(Callers.teacher()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/schools/traced").then().statusCode(200);

        String relayed = relayedTraceparent("/api/v1/schools/traced");
        assertThat(relayed).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(relayed).doesNotContain("00f067aa0ba902b7"); // the gateway's own span is the parent
    }

    @Test
    void aRequestWithoutTraceContextStartsATrace() {
        given().auth().oauth2(Callers.teacher()).get("/api/v1/schools/untraced").then().statusCode(200);

        assertThat(relayedTraceparent("/api/v1/schools/untraced")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    private static String relayedTraceparent(String path) {
        var requests = Backends.directory().find(getRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getHeaders().getHeader("traceparent").values()).hasSize(1);
        return requests.get(0).getHeader("traceparent");
    }
}
