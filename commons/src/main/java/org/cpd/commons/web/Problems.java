package org.cpd.commons.web;

import java.util.List;

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
}
