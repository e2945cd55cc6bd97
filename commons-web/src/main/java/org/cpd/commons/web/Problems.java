package org.cpd.commons.web;

import java.util.List;
import org.cpd.commons.domain.RuleViolation;

/** The problem kinds every service shares. Service-specific kinds use {@link Problem#of}. */
public final class Problems {

    private Problems() {
    }

    public static Problem notFound(String what, Object id) {
        return Problem.of(404, "not-found", "Not found").detail("No " + what + " " + id + " that you can see");
    }

    public static Problem conflict(String slug, String detail) {
        return Problem.of(409, slug, "Conflict with the current state").detail(detail);
    }

    public static Problem badRequest(String slug, String detail) {
        return Problem.of(400, slug, "Bad request").detail(detail);
    }

    public static Problem invalidField(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static Problem invalid(List<Problem.FieldError> errors) {
        return Problem.of(400, "validation-failed", "Request is not valid")
                .detail(errors.size() == 1 ? "1 field is not valid" : errors.size() + " fields are not valid")
                .errors(errors);
    }

    public static Problem forbidden(String detail) {
        return Problem.of(403, "forbidden", "Forbidden").detail(detail);
    }

    public static Problem unprocessable(String slug, String detail) {
        return Problem.of(422, slug, "Request cannot be processed").detail(detail);
    }

    /** The one place a domain refusal gets its HTTP status. */
    public static Problem of(RuleViolation violation) {
        Problem problem = switch (violation.kind()) {
            case INVALID -> violation.field() != null
                    ? invalidField(violation.field(), violation.getMessage())
                    : badRequest(violation.slug(), violation.getMessage());
            case CONFLICT -> conflict(violation.slug(), violation.getMessage());
            case UNPROCESSABLE -> unprocessable(violation.slug(), violation.getMessage());
            case NOT_FOUND -> Problem.of(404, violation.slug(), "Not found").detail(violation.getMessage());
            case FORBIDDEN -> Problem.of(403, violation.slug(), "Forbidden").detail(violation.getMessage());
            case TOO_LARGE -> Problem.of(413, violation.slug(), "Content too large").detail(violation.getMessage());
            case UNSUPPORTED_CONTENT -> Problem.of(415, violation.slug(), "Unsupported media type")
                    .detail(violation.getMessage());
            case PRECONDITION_REQUIRED -> Problem.of(428, violation.slug(), "If-Match required")
                    .detail(violation.getMessage());
            case STALE -> Problem.of(412, violation.slug(), "The resource changed meanwhile")
                    .detail(violation.getMessage());
        };
        violation.extensions().forEach(problem::with);
        return problem;
    }
}
