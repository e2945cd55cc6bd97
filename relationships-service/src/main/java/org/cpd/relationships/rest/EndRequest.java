package org.cpd.relationships.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reason given when a relationship ends (decline, withdraw). */
@Schema(name = "EndRequest")
public record EndRequest(@NotBlank @Size(max = 2000) @Schema(required = true, examples = "Full this term; try again in January") String reason) {
}
