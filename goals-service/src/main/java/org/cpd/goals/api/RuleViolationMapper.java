package org.cpd.goals.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.RequestIds;
import org.cpd.goals.domain.RuleViolation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Domain rules speak in statuses and slugs; this renders them as the shared problem documents. */
public class RuleViolationMapper {

    @ServerExceptionMapper
    public Response rule(RuleViolation violation, UriInfo uri) {
        String title = switch (violation.status()) {
            case 400 -> "Bad request";
            case 409 -> "Conflict with the current state";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Request cannot be processed";
            default -> "Request refused";
        };
        return Problem.of(violation.status(), violation.slug(), title).detail(violation.getMessage())
                .toResponse("/" + uri.getPath().replaceFirst("^/", ""), RequestIds.current());
    }
}
