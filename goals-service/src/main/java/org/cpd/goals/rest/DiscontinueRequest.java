package org.cpd.goals.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DiscontinueRequest")
public record DiscontinueRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = Examples.DISCONTINUE_REASON)
        String reason) {
}
