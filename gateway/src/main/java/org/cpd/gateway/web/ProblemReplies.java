package org.cpd.gateway.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.cpd.commons.web.Problem;

/**
 * Problem documents the gateway answers from its Vert.x handlers (proxy, authentication, rate limits,
 * HTTP-layer refusals). The body is commons-web's {@link Problem#body}, so the shape is the services'.
 */
public final class ProblemReplies {

    private ProblemReplies() {
    }

    /** Ends the exchange with a problem, unless something was already sent (then it can only be reset). */
    public static void send(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(encode(problem, ctx.request().path(), RequestIdFilter.of(ctx)));
    }

    public static String encode(Problem problem, String instance, String requestId) {
        return new JsonObject(problem.body(instance, requestId)).encode();
    }
}
