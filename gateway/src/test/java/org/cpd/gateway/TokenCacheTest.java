package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpd.commons.web.security.VerifiedTokens;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.VerificationCounter;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway keeps the tokens it has verified as the services do (commons-web VerifiedTokens,
 * docs/adr/0008-verified-token-cache.md): a token sent again is relayed without a second verification,
 * and a forged, expired or refused one is still refused before it reaches a service.
 */
@QuarkusTest
class TokenCacheTest {

    @Inject
    VerificationCounter verifier;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    static String teacher() {
        return Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).schools("100001").build();
    }

    double counted(String result) {
        return metrics.get(VerifiedTokens.METRIC).tag("result", result).counter().count();
    }

    @Test
    void aTokenVerifiedOnceIsRelayedAgainWithoutASecondVerification() {
        String token = teacher();
        double hits = counted("hit");

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(200);
        }

        assertThat(verifier.of(token)).isEqualTo(1);
        assertThat(counted("hit") - hits).isEqualTo(2);
        Backends.directory().verifyThat(3, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aTokenDifferingInOneCharacterOfItsSignatureIsVerifiedAfreshAndRefused() {
        String token = teacher();
        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(200);
        int at = token.lastIndexOf('.') + 20;
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        given().auth().oauth2(forged).get("/api/v1/schools/100001").then().statusCode(401)
                .contentType("application/problem+json").body("type", is("urn:cpd:problem:unauthenticated"));

        assertThat(verifier.of(forged)).isEqualTo(1);
        Backends.directory().verifyThat(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).expiresInSeconds(3).build();
        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(200);
        assertThat(verifier.of(token)).isEqualTo(1);

        Instant expiry = Instant.ofEpochSecond(exp(token));
        while (!Instant.now().isAfter(expiry.plusMillis(1500))) {
            Thread.sleep(200);
        }
        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(401);

        assertThat(verifier.of(token)).isEqualTo(2);
        Backends.directory().verifyThat(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTime() {
        String token = Tokens.builder().roles("practitioner").audience("another-api").build();

        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/schools/100001").then().statusCode(401);

        assertThat(verifier.of(token)).isEqualTo(2);
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }

    static long exp(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(claims);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
