package org.cpd.commons.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Security identities that quarkus-oidc has verified, kept by the SHA-256 of the whole raw bearer token
 * so a request that sends the same token again is not parsed and its signature not checked a second time
 * (docs/adr/0008-verified-token-cache.md). The rules:
 * <ul>
 *   <li>only an identity the verifier returned is kept (a refusal never is), and only for a JWT with an
 *       {@code exp} and no {@code cnf} claim (a token bound to a key or a certificate is proved per request);</li>
 *   <li>an entry is used only before the token's {@code exp} and at most {@code max-age} after it was
 *       verified, whichever comes first; then the token is verified afresh, and refused if it has expired;</li>
 *   <li>at most {@code max-size} entries (least recently used first out);</li>
 *   <li>what a request's own state puts into the identity (its routing context, its blocking context) is
 *       not kept, and is the current request's when an entry is used; grants a service adds from its own
 *       records (a {@code SecurityIdentityAugmentor}) run on every request, after the cache.</li>
 * </ul>
 * Counted as {@code cpd.security.token.cache} with {@code result=hit|miss}. {@code cpd.security.token-cache.enabled=false}
 * turns it off: every request is verified.
 */
@Singleton
public class VerifiedTokens {

    public static final String METRIC = "cpd.security.token.cache";

    /** Attributes that belong to the request that verified the token, not to the token. */
    static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    static final String BLOCKING_CONTEXT = AuthenticationRequestContext.class.getName();
    static final Set<String> REQUEST_BOUND = Set.of(ROUTING_CONTEXT, HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE,
            BLOCKING_CONTEXT);

    private final boolean enabled;
    private final Duration maxAge;
    private final Clock clock;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter misses;

    @Inject
    public VerifiedTokens(TokenCacheConfig config, MeterRegistry registry) {
        this(config.enabled(), config.maxSize(), config.maxAge(), Clock.systemUTC(), Ticker.systemTicker(), registry);
    }

    VerifiedTokens(boolean enabled, long maxSize, Duration maxAge, Clock clock, Ticker ticker, MeterRegistry registry) {
        if (maxAge.isNegative() || maxSize < 0) {
            throw new IllegalArgumentException("cpd.security.token-cache.max-age and max-size must not be negative");
        }
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.clock = clock;
        // maintenance on the calling thread: no task on the shared pool, and eviction is done when put returns
        this.entries = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilDeadline()).ticker(ticker)
                .executor(Runnable::run).build();
        this.hits = Counter.builder(METRIC).tag("result", "hit")
                .description("Bearer tokens answered from the cache of verified tokens").register(registry);
        this.misses = Counter.builder(METRIC).tag("result", "miss")
                .description("Bearer tokens not in the cache of verified tokens (then verified)").register(registry);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The key of a token: the SHA-256 of all of it (header, claims and signature), hex. */
    public static String key(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm of every Java platform", e);
        }
    }

    /** The identity kept for {@code key}, or null when there is none or it may no longer be used (then: verify). */
    Kept find(String key) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.getIfPresent(key);
        if (entry != null && !clock.instant().isBefore(entry.deadline())) {
            entries.asMap().remove(key, entry);
            entry = null;
        }
        if (entry == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.kept();
    }

    /**
     * Keeps an identity the verifier has just returned for the token whose key is {@code key}.
     *
     * @return whether it was kept
     */
    boolean keep(String key, SecurityIdentity verified) {
        if (!enabled || verified == null || verified.isAnonymous()
                || !(verified.getPrincipal() instanceof JsonWebToken jwt) || jwt.containsClaim("cnf")) {
            return false;
        }
        Instant expires = expiry(jwt);
        if (expires == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant deadline = now.plus(maxAge).isBefore(expires) ? now.plus(maxAge) : expires;
        if (!now.isBefore(deadline)) {
            return false;
        }
        entries.put(key, new Entry(withoutRequest(verified), deadline));
        return true;
    }

    /** The number of entries (after pending evictions). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /**
     * A kept identity for the request at hand: the current request's routing and blocking contexts where the
     * verified identity carried those of the request that verified it.
     */
    static SecurityIdentity forRequest(Kept kept, RoutingContext routing, AuthenticationRequestContext blocking) {
        if (kept.requestBound().isEmpty()) {
            return kept.identity();
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept.identity());
        for (String name : kept.requestBound()) {
            builder.addAttribute(name, BLOCKING_CONTEXT.equals(name) ? blocking : routing);
        }
        if (routing != null && kept.requestBound().contains(BLOCKING_CONTEXT)) {
            routing.put(BLOCKING_CONTEXT, blocking); // as quarkus-oidc does before it verifies
        }
        return builder.build();
    }

    private static Instant expiry(JsonWebToken jwt) {
        try {
            if (!jwt.containsClaim("exp")) {
                return null;
            }
            long exp = jwt.getExpirationTime();
            return exp > 0 ? Instant.ofEpochSecond(exp) : null;
        } catch (RuntimeException unreadable) {
            return null; // not a number: not kept, verified every time
        }
    }

    private static Kept withoutRequest(SecurityIdentity verified) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .addRoles(verified.getRoles())
                .addCredentials(verified.getCredentials())
                .addPermissions(verified.getPermissions());
        Set<String> requestBound = new LinkedHashSet<>();
        verified.getAttributes().forEach((name, value) -> {
            if (REQUEST_BOUND.contains(name)) {
                requestBound.add(name);
            } else {
                builder.addAttribute(name, value);
            }
        });
        return new Kept(builder.build(), Set.copyOf(requestBound));
    }

    /** A verified identity without the attributes of the request that verified it, and which ones it had. */
    record Kept(SecurityIdentity identity, Set<String> requestBound) {
    }

    private record Entry(Kept kept, Instant deadline) {
    }

    /** Caffeine drops an entry at its deadline (exp or max-age); {@link #find} checks the deadline again on use. */
    private final class UntilDeadline implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            long nanos = Duration.between(clock.instant(), entry.deadline()).toNanos();
            return Math.max(0, Math.min(nanos, maxAge.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
