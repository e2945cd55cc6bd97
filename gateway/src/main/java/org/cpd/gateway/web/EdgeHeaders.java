package org.cpd.gateway.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Security headers on every answer of the gateway, its own and the services' alike. Set when the head
 * is written, so they also stand on CORS preflights, refusals and relayed answers. A header the service
 * chose itself (its own Cache-Control or CSP) is kept.
 */
@Singleton
public class EdgeHeaders {

    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final String ATTACHED = "cpd.edgeHeaders";

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            attach(ctx);
            ctx.next();
        }, RequestIdFilter.PRIORITY + 1);
    }

    /** Once per exchange (a re-routed request passes the filters again). */
    static void attach(RoutingContext ctx) {
        if (ctx.get(ATTACHED) != null) {
            return;
        }
        ctx.put(ATTACHED, Boolean.TRUE);
        ctx.addHeadersEndHandler(v -> apply(ctx.request().path(), ctx.response().headers()));
    }

    static void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        if (path != null && path.startsWith("/api/")) {
            // Answers carry personal data: no shared or browser cache keeps them.
            setIfAbsent(headers, "Cache-Control", "no-store");
        }
        String type = headers.get("Content-Type");
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            setIfAbsent(headers, "X-Frame-Options", "DENY");
            setIfAbsent(headers, "Content-Security-Policy", HTML_POLICY);
        }
        String allowedOrigin = headers.get("Access-Control-Allow-Origin");
        if (allowedOrigin != null && !allowedOrigin.equals("*")) {
            // The answer names the caller's origin: caches must not hand it to another origin.
            String vary = headers.get("Vary");
            if (vary == null || vary.isBlank()) {
                headers.set("Vary", "Origin");
            } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("origin")) {
                headers.set("Vary", vary + ", Origin");
            }
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
