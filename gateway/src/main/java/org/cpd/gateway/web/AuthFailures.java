package org.cpd.gateway.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Turns Quarkus' bare 401/403 answers into problem documents. Authentication is proactive, so a bad
 * or missing token fails the route before any gateway handler runs; this failure handler sees it first.
 */
@Singleton
public class AuthFailures {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException
                || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.send(ctx, 401, "unauthenticated", "Authentication required",
                    "A valid bearer token is required.");
        } else if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, "forbidden", "Forbidden", null);
        } else {
            ctx.next();
        }
    }
}
