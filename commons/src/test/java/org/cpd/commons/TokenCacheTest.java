package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.testapp.VerificationCounter;
import org.cpd.commons.web.security.VerifiedTokens;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens as services run it, in front of quarkus-oidc's real verification of signed
 * tokens (docs/adr/0008-verified-token-cache.md). {@link VerificationCounter} sees every token that reaches
 * verification.
 */
@QuarkusTest
class TokenCacheTest {

    @Inject
    VerificationCounter verifier;

    @Inject
    MeterRegistry metrics;

    static String caller() {
        UUID partnership = UUID.randomUUID();
        return Tokens.builder().roles("practitioner", "school-lead").practitioner(UUID.randomUUID())
                .schools("100001", "100002").partnerships(partnership).client("cpd-portal").build();
    }

    static Map<String, Object> whoami(String token) {
        return given().auth().oauth2(token).get("/api/v1/whoami").then().statusCode(200).extract().jsonPath().getMap("");
    }

    double counted(String result) {
        return metrics.get(VerifiedTokens.METRIC).tag("result", result).counter().count();
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() {
        String token = caller();
        double hits = counted("hit");
        double misses = counted("miss");

        whoami(token);
        whoami(token);
        whoami(token);

        assertThat(verifier.of(token)).isEqualTo(1);
        assertThat(counted("miss") - misses).isEqualTo(1);
        assertThat(counted("hit") - hits).isEqualTo(2);
    }

    @Test
    void aResourceSeesTheSameCallerFromAKeptTokenAsFromAVerifiedOne() {
        String token = caller();

        Map<String, Object> verified = whoami(token);
        Map<String, Object> kept = whoami(token);

        assertThat(verifier.of(token)).isEqualTo(1);
        assertThat(kept).isEqualTo(verified);
        assertThat(verified.get("routingContextIsThisRequests")).isEqualTo(true);
        assertThat(verified.get("roles").toString()).contains("practitioner", "school-lead");
        assertThat(verified.get("schoolUrns").toString()).contains("100001", "100002");
    }

    @Test
    void aTokenDifferingInOneCharacterOfItsSignatureIsVerifiedAfreshAndRefused() {
        String token = caller();
        whoami(token);
        String forged = Tokens.withAlteredSignature(token);

        given().auth().oauth2(forged).get("/api/v1/whoami").then().statusCode(401)
                .body("type", equalTo("urn:cpd:problem:unauthenticated"));
        assertThat(verifier.of(forged)).isEqualTo(1);
        whoami(token); // the genuine one is still answered
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        String token = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).expiresInSeconds(3).build();
        whoami(token);
        whoami(token);
        assertThat(verifier.of(token)).isEqualTo(1);

        Tokens.awaitExpiry(token, Duration.ofMillis(1500));
        given().auth().oauth2(token).get("/api/v1/whoami").then().statusCode(401);
        assertThat(verifier.of(token)).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsVerifiedEveryTime() {
        String token = Tokens.builder().roles("practitioner").audience("another-api").build();

        given().auth().oauth2(token).get("/api/v1/whoami").then().statusCode(401);
        given().auth().oauth2(token).get("/api/v1/whoami").then().statusCode(401);

        assertThat(verifier.of(token)).isEqualTo(2);
    }
}
