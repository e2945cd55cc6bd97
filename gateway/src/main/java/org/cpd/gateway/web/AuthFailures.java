package org.cpd.gateway.web;

import io.quarkus.oidc.OIDCException;
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
        } else if (causedBy(failure, OIDCException.class)) {
            // Keycloak unreachable while a token needs checking: the caller may retry, nothing is wrong with them.
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                    "Tokens cannot be validated right now.");
        } else if (failure instanceof ForbiddenException) {
            Problems.send(ctx, 403, "forbidden", "Forbidden", null);
        } else {
            ctx.next();
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
