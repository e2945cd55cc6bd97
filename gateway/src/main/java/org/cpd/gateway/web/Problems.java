package org.cpd.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem documents produced by the gateway itself. The services render their own through
 * commons; the gateway has no commons dependency, so it writes the same shape here.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject body(int status, String slug, String title, String detail) {
        JsonObject p = new JsonObject()
                .put("type", "urn:cpd:problem:" + slug)
                .put("title", title)
                .put("status", status);
        if (detail != null) {
            p.put("detail", detail);
        }
        return p;
    }

    /** Ends the exchange with a problem, unless something was already sent (then it can only be reset). */
    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        JsonObject p = body(status, slug, title, detail);
        p.put("instance", ctx.request().path());
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        if (requestId != null) {
            p.put("requestId", requestId);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(p.encode());
    }
}
