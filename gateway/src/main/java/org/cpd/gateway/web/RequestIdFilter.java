package org.cpd.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.cpd.commons.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every exchange its request id at the edge, with commons-web's rule (the caller's when safe,
 * else a new one). The id is written back into the request's own header, so the REST layer's filter
 * (commons-web, which reads that header again) takes the same one; it is echoed on the response, kept
 * in the MDC and in the routing context for the proxy and /me to forward.
 */
@Singleton
public class RequestIdFilter {

    public static final String CONTEXT_KEY = "cpd.requestId";

    private static final Logger LOG = Logger.getLogger("org.cpd.gateway.access");
    // Runs before CORS (300) and authentication (200) so every answer, even a 401, carries the id.
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        assign(ctx);
        long start = System.nanoTime();
        ctx.addEndHandler(ar -> {
            if (ctx.request().path().startsWith("/api/")) {
                LOG.infof("%s %s -> %d in %d ms", ctx.request().method(), ctx.request().path(),
                        ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000);
            }
        });
        ctx.next();
    }

    /** Gives the exchange its id, once. */
    static String assign(RoutingContext ctx) {
        String existing = ctx.get(CONTEXT_KEY);
        if (existing != null) {
            return existing;
        }
        String id = RequestIds.sanitise(ctx.request().getHeader(RequestIds.HEADER));
        ctx.request().headers().set(RequestIds.HEADER, id);
        ctx.put(CONTEXT_KEY, id);
        MDC.put(RequestIds.MDC_KEY, id);
        // Set (not added) as the head is written: the REST layer's filter writes the same id once more.
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
        return id;
    }

    /** The id given to this exchange (set before any other handler runs). */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }
}
