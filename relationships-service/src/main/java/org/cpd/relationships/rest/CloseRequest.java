package org.cpd.relationships.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cpd.relationships.domain.ClosingOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How and why the relationship ends. */
@Schema(name = "CloseRequest")
public record CloseRequest(
        @NotNull @Schema(required = true) ClosingOutcome outcome,
        @NotBlank @Size(max = 2000) @Schema(required = true, examples = "Induction year completed; goals met") String reason) {
}
