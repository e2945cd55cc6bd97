package org.cpd.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accepts the caller's {@code X-Request-Id} when it is safe to log and forward, otherwise makes one;
 * echoes it, keeps it in the MDC and in the routing context so the proxy and /me forward it.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "cpd.requestId";
    public static final String MDC_KEY = "requestId";

    private static final Logger LOG = Logger.getLogger("org.cpd.gateway.access");
    // Bounded charset and length: the id lands in logs and in backend headers, so no injection there.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    // Runs before CORS (300) and authentication (200) so every answer, even a 401, carries the id.
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        String id = sanitise(ctx.request().getHeader(HEADER));
        ctx.put(CONTEXT_KEY, id);
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        long start = System.nanoTime();
        ctx.addEndHandler(ar -> {
            if (ctx.request().path().startsWith("/api/")) {
                LOG.infof("%s %s -> %d in %d ms", ctx.request().method(), ctx.request().path(),
                        ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000);
            }
        });
        ctx.next();
    }

    public static String sanitise(String candidate) {
        if (candidate != null) {
            String trimmed = candidate.trim();
            if (SAFE.matcher(trimmed).matches()) {
                return trimmed;
            }
        }
        return UUID.randomUUID().toString();
    }
}
