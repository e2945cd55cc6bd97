package org.cpd.relationships.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An optional note on why the relationship pauses. */
@Schema(name = "PauseRequest")
public record PauseRequest(@Size(max = 2000) @Schema(examples = "Mentor on a residential trip for two weeks") String reason) {
}
