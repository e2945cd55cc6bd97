package org.cpd.goals.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.Priority;
import org.cpd.goals.domain.SetBy;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.service.GoalCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalRequest", description = "A goal's content, for creating, replacing (PUT) or revising a goal.")
public record GoalRequest(
        @NotBlank @Size(max = 200) @Schema(examples = Examples.GOAL_TITLE)
        String title,
        @NotBlank @Size(max = 4000) @Schema(description = "The aspiration for pupils the goal serves.",
                examples = Examples.PUPIL_ASPIRATION)
        String pupilAspiration,
        @NotNull @Schema(description = "Whether it answers a school priority, an individual one, or both.")
        Priority priority,
        @NotBlank @Size(max = 4000) @Schema(examples = Examples.SUCCESS_CRITERIA)
        String successCriteria,
        @Size(max = 4000) @Schema(description = "What the learner can do now.")
        String currentPractice,
        @Size(max = 4000) @Schema(description = "What the learner cannot yet do alone: why the goal stretches them.")
        String stretch,
        @NotNull @Schema(description = "Today or later for a new goal.", examples = Examples.TARGET_DATE)
        LocalDate targetDate,
        @NotNull @Schema(description = "Who set the goal: the measure of growing self-direction.")
        SetBy setBy,
        @Schema(description = "Defaults to PRIVATE.") Visibility visibility,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit school URN")
        @Schema(description = "With visibility SCHOOL: a school from the owner's token.", examples = Examples.SCHOOL_URN)
        String schoolUrn,
        @Size(max = 20) @Schema(description = "Relationships the goal is pursued in; the owner must take part in each.")
        List<@NotNull UUID> relationshipIds) {

    public GoalCommand command() {
        return new GoalCommand(title, pupilAspiration, priority, successCriteria, currentPractice, stretch, targetDate,
                setBy, visibility, schoolUrn, relationshipIds == null ? List.of() : relationshipIds);
    }
}
