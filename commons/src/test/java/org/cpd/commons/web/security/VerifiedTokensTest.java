package org.cpd.commons.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The rules of the cache of verified tokens, on a clock the test moves (docs/adr/0008-verified-token-cache.md). */
class VerifiedTokensTest {

    static final Instant START = Instant.parse("2026-12-02T05:00:00Z");

    /** A clock and a ticker the test moves together. */
    static final class Time {
        Instant now = START;

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            };
        }

        Ticker ticker() {
            return () -> TimeUnit.MILLISECONDS.toNanos(now.toEpochMilli());
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    final Time time = new Time();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    VerifiedTokens cache(boolean enabled, long maxSize, Duration maxAge) {
        return new VerifiedTokens(enabled, maxSize, maxAge, time.clock(), time.ticker(), registry);
    }

    static SecurityIdentity verified(String token, Instant exp, Map<String, Object> extraClaims) {
        Map<String, Object> claims = new HashMap<>(extraClaims);
        claims.put("sub", "subject-of-" + token);
        if (exp != null) {
            claims.put("exp", exp.getEpochSecond());
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new Jwt(claims)).addRole("practitioner")
                .addCredential(new TokenCredential(token, "bearer"))
                .addAttribute("tenant-id", "Default")
                .addAttribute(VerifiedTokens.ROUTING_CONTEXT, "the routing context of the request that verified it")
                .addAttribute(VerifiedTokens.BLOCKING_CONTEXT, "its blocking context")
                .build();
    }

    static SecurityIdentity verified(String token, Instant exp) {
        return verified(token, exp, Map.of());
    }

    static String token() {
        return "header." + UUID.randomUUID() + ".signature";
    }

    double counted(String result) {
        return registry.get(VerifiedTokens.METRIC).tag("result", result).counter().count();
    }

    @Test
    void aKeptIdentityIsFoundByTheHashOfTheWholeToken() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        String token = token();
        assertThat(cache.keep(VerifiedTokens.key(token), verified(token, START.plusSeconds(300)))).isTrue();

        assertThat(cache.find(VerifiedTokens.key(token)).identity().getPrincipal().getName())
                .isEqualTo("subject-of-" + token);
        String oneCharacterOff = token.substring(0, token.length() - 1) + "X";
        assertThat(cache.find(VerifiedTokens.key(oneCharacterOff))).isNull();
        assertThat(VerifiedTokens.key(token)).hasSize(64).isNotEqualTo(VerifiedTokens.key(oneCharacterOff));
        assertThat(counted("hit")).isEqualTo(1);
        assertThat(counted("miss")).isEqualTo(1);
    }

    @Test
    void anEntryIsNotUsedFromTheTokensExpiryOn() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        String token = token();
        cache.keep(VerifiedTokens.key(token), verified(token, START.plusSeconds(30)));

        time.pass(Duration.ofSeconds(29));
        assertThat(cache.find(VerifiedTokens.key(token))).isNotNull();
        time.pass(Duration.ofSeconds(1));
        assertThat(cache.find(VerifiedTokens.key(token))).isNull();
    }

    @Test
    void anEntryIsNotUsedLongerThanMaxAgeThoughTheTokenLivesOn() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(1));
        String token = token();
        cache.keep(VerifiedTokens.key(token), verified(token, START.plus(Duration.ofHours(1))));

        time.pass(Duration.ofSeconds(59));
        assertThat(cache.find(VerifiedTokens.key(token))).isNotNull();
        time.pass(Duration.ofSeconds(1));
        assertThat(cache.find(VerifiedTokens.key(token))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        String expired = token();
        String noExpiry = token();

        assertThat(cache.keep(VerifiedTokens.key(expired), verified(expired, START))).isFalse();
        assertThat(cache.keep(VerifiedTokens.key(noExpiry), verified(noExpiry, null))).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenBoundToAKeyOrCertificateIsNotKept() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        String bound = token();

        assertThat(cache.keep(VerifiedTokens.key(bound),
                verified(bound, START.plusSeconds(300), Map.of("cnf", Map.of("jkt", "thumbprint"))))).isFalse();
        assertThat(cache.find(VerifiedTokens.key(bound))).isNull();
    }

    @Test
    void anAnonymousOrNonJwtIdentityIsNotKept() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        SecurityIdentity opaque = QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone").build();

        assertThat(cache.keep("a", anonymous)).isFalse();
        assertThat(cache.keep("b", opaque)).isFalse();
    }

    @Test
    void theCacheHoldsAtMostMaxSizeEntries() {
        VerifiedTokens cache = cache(true, 2, Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            String token = token();
            cache.keep(VerifiedTokens.key(token), verified(token, START.plusSeconds(300)));
        }

        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void turnedOffItKeepsAndFindsNothing() {
        VerifiedTokens cache = cache(false, 100, Duration.ofMinutes(5));
        String token = token();

        assertThat(cache.keep(VerifiedTokens.key(token), verified(token, START.plusSeconds(300)))).isFalse();
        assertThat(cache.find(VerifiedTokens.key(token))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theRequestThatVerifiedATokenIsNotKeptAndTheCurrentOneIsGiven() {
        VerifiedTokens cache = cache(true, 100, Duration.ofMinutes(5));
        String token = token();
        cache.keep(VerifiedTokens.key(token), verified(token, START.plusSeconds(300)));

        VerifiedTokens.Kept kept = cache.find(VerifiedTokens.key(token));
        assertThat(kept.identity().getAttributes()).containsOnlyKeys("tenant-id");
        assertThat(kept.requestBound()).containsExactlyInAnyOrder(VerifiedTokens.ROUTING_CONTEXT,
                VerifiedTokens.BLOCKING_CONTEXT);
        SecurityIdentity forRequest = VerifiedTokens.forRequest(kept, null, null);
        assertThat(forRequest.getAttributes()).containsKeys(VerifiedTokens.ROUTING_CONTEXT, VerifiedTokens.BLOCKING_CONTEXT);
        assertThat((Object) forRequest.getAttribute(VerifiedTokens.ROUTING_CONTEXT)).isNull();
        assertThat(forRequest.getRoles()).containsExactly("practitioner");
        assertThat(forRequest.getCredential(TokenCredential.class).getToken()).isEqualTo(token);
    }

    /** A verified token's claims, as the verifier's principal hands them out. */
    record Jwt(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
