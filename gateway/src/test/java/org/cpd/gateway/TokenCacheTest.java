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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.VerificationCounter;
import org.cpd.testsupport.TokenCacheCounts;
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

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.directory().register(get(anyUrl()).willReturn(okJson("{}")));
    }

    static String teacher() {
        return Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).schools("100001").build();
    }

    /** The teacher's school, asked through the gateway (directory-service's stub answers {}). */
    static ValidatableResponse school(String token) {
        return given().auth().oauth2(token).get("/api/v1/schools/100001").then();
    }

    @Test
    void aTokenVerifiedOnceIsRelayedAgainWithoutASecondVerification() {
        String token = teacher();
        double hits = TokenCacheCounts.of("hit");

        for (int i = 0; i < 3; i++) {
            school(token).statusCode(200);
        }

        assertThat(verifier.of(token)).isEqualTo(1);
        assertThat(TokenCacheCounts.of("hit") - hits).isEqualTo(2);
        Backends.directory().verifyThat(3, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void aTokenDifferingInOneCharacterOfItsSignatureIsVerifiedAfreshAndRefused() {
        String token = teacher();
        school(token).statusCode(200);
        String forged = Tokens.withAlteredSignature(token);

        school(forged).statusCode(401)
                .contentType("application/problem+json").body("type", is("urn:cpd:problem:unauthenticated"));

        assertThat(verifier.of(forged)).isEqualTo(1);
        Backends.directory().verifyThat(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).expiresInSeconds(3).build();
        school(token).statusCode(200);
        school(token).statusCode(200);
        assertThat(verifier.of(token)).isEqualTo(1);

        Tokens.awaitExpiry(token, Duration.ofMillis(1500));
        school(token).statusCode(401);

        assertThat(verifier.of(token)).isEqualTo(2);
        Backends.directory().verifyThat(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTime() {
        String token = Tokens.builder().roles("practitioner").audience("another-api").build();

        school(token).statusCode(401);
        school(token).statusCode(401);

        assertThat(verifier.of(token)).isEqualTo(2);
        Backends.directory().verifyThat(0, anyRequestedFor(anyUrl()));
    }
}
