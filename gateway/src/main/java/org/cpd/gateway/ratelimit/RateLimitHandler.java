package org.cpd.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.web.Claims;
import org.cpd.commons.web.Problem;
import org.cpd.gateway.web.ProblemReplies;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-caller token buckets keyed by client id ({@code azp}) and, within it, the practitioner (or the
 * subject for machine clients), so one noisy user cannot starve the rest of a portal. The limits are
 * per client, so an MIS integration can be given a larger bulk allowance than an interactive portal.
 * Buckets live in this gateway instance's memory (docs/adr/0006-gateway.md).
 */
@Singleton
public class RateLimitHandler implements Handler<RoutingContext> {

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @PostConstruct
    void scheduleEviction() {
        long idle = config.rateLimit().idleEviction().toNanos();
        vertx.setPeriodic(Math.max(1000, config.rateLimit().idleEviction().toMillis() / 2), id -> {
            long now = System.nanoTime();
            buckets.values().removeIf(b -> now - b.lastUsed() > idle);
        });
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!config.rateLimit().enabled() || !(ctx.user() instanceof QuarkusHttpUser user)) {
            ctx.next(); // anonymous calls reach only open endpoints or are refused by authentication
            return;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            ctx.next();
            return;
        }
        String client = claim(jwt, "azp", "unknown-client");
        String caller = claim(jwt, "practitioner_id", claim(jwt, "sub", "unknown-subject"));
        GatewayConfig.Limit limit = config.rateLimit().clients().getOrDefault(client, config.rateLimit().defaults());
        long now = System.nanoTime();
        TokenBucket bucket = buckets.computeIfAbsent(client + '\n' + caller,
                k -> new TokenBucket(limit.requestsPerSecond(), limit.burst(), now));
        TokenBucket.Decision d = bucket.tryTake(now);

        var headers = ctx.response().headers();
        headers.set("RateLimit-Limit", Integer.toString(bucket.burst()));
        headers.set("RateLimit-Remaining", Long.toString(d.remaining()));
        headers.set("RateLimit-Reset", Long.toString(d.resetSeconds()));
        headers.set("RateLimit-Policy", bucket.burst() + ";w=" + windowSeconds(limit));
        if (d.allowed()) {
            ctx.next();
        } else {
            headers.set("Retry-After", Long.toString(d.retryAfterSeconds()));
            ProblemReplies.send(ctx, Problem.of(429, "rate-limited", "Too many requests")
                    .detail("The rate limit for client " + client + " was exceeded; retry after "
                            + d.retryAfterSeconds() + " s."));
        }
    }

    /** The window over which {@code burst} requests are refilled, as RateLimit-Policy expresses it. */
    private static long windowSeconds(GatewayConfig.Limit limit) {
        return Math.max(1, Math.round(limit.burst() / limit.requestsPerSecond()));
    }

    private static String claim(JsonWebToken jwt, String name, String fallback) {
        String v = Claims.string(jwt, name);
        return v == null ? fallback : v;
    }
}
