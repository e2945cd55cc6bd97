package org.cpd.commons.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.cpd.commons.web.LogEscaping;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.RequestIds;

/**
 * Every {@code /api/*} request needs an authenticated caller before anything else is decided: an
 * anonymous caller or a bad token gets the 401 problem, never a 404, 406 or 415 that tells about the
 * route. It runs as a route before the REST layer (which would match media types first), and gives the
 * 401 the same problem body as the JAX-RS mappers.
 */
@Singleton
public class AuthenticationFirst {

    @Inject
    IdentityProviderManager identities;

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::requireCaller);
    }

    void requireCaller(RoutingContext context) {
        // the body waits until the caller is known (the REST layer resumes it when it reads)
        context.request().pause();
        QuarkusHttpUser.getSecurityIdentity(context, identities).subscribe().with(
                identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        refuse(context);
                    } else {
                        context.next();
                    }
                },
                failure -> {
                    if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                            || failure instanceof AuthenticationCompletionException) {
                        refuse(context);
                    } else {
                        context.request().resume();
                        context.fail(failure);
                    }
                });
    }

    private static void refuse(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        String requestId = RequestIds.sanitise(context.request().getHeader(RequestIds.HEADER));
        Map<String, Object> body = Problem.of(401, "unauthenticated", "Authentication required")
                .detail("Send a valid bearer token from the partnership's identity provider")
                .body(LogEscaping.escape(context.request().path()), requestId);
        context.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(RequestIds.HEADER, requestId)
                .putHeader(HttpHeaders.CONNECTION, "close") // the unread body is not drained
                .end(new JsonObject(body).encode());
    }
}
