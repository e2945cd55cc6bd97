package org.cpd.goals.rest;

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

@Schema(name = "GoalPatch", description = "Merge patch of a goal: only the members present change (null or absent = unchanged).")
public record GoalPatch(
        @Size(min = 1, max = 200) String title,
        @Size(min = 1, max = 4000) String pupilAspiration,
        Priority priority,
        @Size(min = 1, max = 4000) String successCriteria,
        @Size(max = 4000) String currentPractice,
        @Size(max = 4000) String stretch,
        LocalDate targetDate,
        SetBy setBy,
        Visibility visibility,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit school URN") String schoolUrn,
        @Size(max = 20) List<UUID> relationshipIds) {

    public GoalCommand command() {
        return new GoalCommand(title, pupilAspiration, priority, successCriteria, currentPractice, stretch, targetDate,
                setBy, visibility, schoolUrn, relationshipIds);
    }
}
