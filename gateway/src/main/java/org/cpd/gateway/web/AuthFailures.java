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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cpd.commons.web.RequestIds;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns Quarkus' bare 401/403 answers into problem documents. Authentication is proactive, so a bad
 * or missing token fails the route before any gateway handler runs; this failure handler sees it first.
 * The REST endpoints (/me) get commons-web's mappers, plus the one below for an unreachable OIDC server.
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
            ProblemReplies.send(ctx, EdgeProblems.unauthenticated());
        } else if (causedBy(failure, OIDCException.class)) {
            // Keycloak unreachable while a token needs checking: the caller may retry, nothing is wrong with them.
            ctx.response().putHeader("Retry-After", "5");
            ProblemReplies.send(ctx, EdgeProblems.tokensUnverifiable());
        } else if (failure instanceof ForbiddenException) {
            ProblemReplies.send(ctx, EdgeProblems.forbidden());
        } else {
            ctx.next();
        }
    }

    @ServerExceptionMapper
    public Response oidcUnavailable(OIDCException e, UriInfo uri) {
        return Response.fromResponse(EdgeProblems.tokensUnverifiable().toResponse(uri.getPath(), RequestIds.current()))
                .header("Retry-After", "5").build();
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
