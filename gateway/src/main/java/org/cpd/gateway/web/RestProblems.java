package org.cpd.gateway.web;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Problem documents for the gateway's own REST endpoints (/me, the merged OpenAPI). */
public class RestProblems {

    private static final Logger LOG = Logger.getLogger(RestProblems.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String slug = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        return problem(status, slug, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), null);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized() {
        return Response.fromResponse(problem(401, "unauthenticated", "Authentication required",
                "A valid bearer token is required.")).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Forbidden", null);
    }

    @ServerExceptionMapper
    public Response oidcUnavailable(io.quarkus.oidc.OIDCException e) {
        return Response.fromResponse(problem(503, "service-unavailable", "Service unavailable",
                "Tokens cannot be validated right now.")).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        // No detail to the caller: stack traces and internals stay in the log.
        LOG.error("Unexpected failure", e);
        return problem(500, "internal-error", "Internal error", null);
    }

    private static Response problem(int status, String slug, String title, String detail) {
        return Response.status(status).type(Problems.MEDIA_TYPE)
                .entity(Problems.body(status, slug, title, detail).encode()).build();
    }
}
