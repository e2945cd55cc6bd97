package org.cpd.commons.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The problem body as documented in OpenAPI (the runtime body comes from {@link Problem#body}). */
// RFC 9457 extension members (a conflict's currentETag, a duplicate's field) vary by kind: declared open.
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per kind of error (see docs/problems.md); "
        + "some kinds add extension members, which clients must ignore when they do not know them.",
        additionalProperties = Schema.True.class)
public record ProblemDocument(
        @Schema(required = true, examples = "urn:cpd:problem:validation-failed") String type,
        @Schema(required = true, examples = "Request is not valid") String title,
        @Schema(required = true, examples = "400") int status,
        @Schema(examples = "1 field is not valid") String detail,
        @Schema(description = "The request path.", examples = "/api/v1/practitioners") String instance,
        @Schema(description = "The X-Request-Id of the request, to quote when reporting a problem.") String requestId,
        @Schema(description = "Each bad field, for validation errors.") List<FieldErrorDocument> errors) {

    @Schema(name = "FieldError")
    public record FieldErrorDocument(
            @Schema(examples = "email") String field,
            @Schema(examples = "must be a well-formed email address") String message) {
    }
}
