package org.cpd.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/** What the HTTP layer refuses (request line, headers) comes back as a problem with the request id. */
@QuarkusTest
class HttpLayerProblemsTest {

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void aTenKilobyteCursorIsAUriTooLongProblem() throws Exception {
        RawHttp.Answer answer = send("GET /api/v1/practitioners?cursor=" + "a".repeat(10_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + Callers.teacher());

        assertProblem(answer, 414, "urn:cpd:problem:uri-too-long");
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void largeHeadersAreAHeaderFieldsTooLargeProblem() throws Exception {
        RawHttp.Answer answer = send("GET /api/v1/practitioners HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Padding: " + "p".repeat(30_000) + "\r\nAuthorization: Bearer " + Callers.teacher());

        assertProblem(answer, 431, "urn:cpd:problem:header-fields-too-large");
    }

    /** In the path and in the query. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/practitioners/%zz", "/api/v1/practitioners?q=%E0%A4%A"})
    void aMalformedPercentEscapeIsABadRequestProblem(String target) throws Exception {
        RawHttp.Answer answer = send("GET " + target + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + Callers.teacher());

        assertProblem(answer, 400, "urn:cpd:problem:malformed-request");
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestWithinTheLimitsIsRelayed() throws Exception {
        RawHttp.Answer answer = send("GET /api/v1/practitioners?cursor=" + "a".repeat(3_000) + "&q=%C3%A9 HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Padding: " + "p".repeat(10_000) + "\r\nAuthorization: Bearer " + Callers.teacher());

        assertThat(answer.status()).isEqualTo(200);
    }

    private RawHttp.Answer send(String head) throws Exception {
        return RawHttp.send(gateway.getPort(), head);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo(type);
        assertThat(answer.json().getInteger("status")).isEqualTo(status);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.json().getString("requestId")).isEqualTo(answer.header("X-Request-Id"));
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
