package org.cpd.goals.rest;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkGoalRequest")
public record LinkGoalRequest(@NotNull @Schema(description = "A goal of the same learner.") UUID goalId) {
}
