package org.cpd.directory.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.RequestIds;
import org.cpd.directory.domain.InvalidFields;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Several fields at fault are one validation problem listing each, as Bean Validation errors are. */
public class InvalidFieldsMapper {

    @ServerExceptionMapper
    public Response invalidFields(InvalidFields violation, UriInfo uri) {
        Problem problem = Problems.invalid(violation.faults().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message())).toList());
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        return problem.toResponse(uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                requestId == null ? null : requestId.toString());
    }
}
