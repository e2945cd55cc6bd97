package org.cpd.goals.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.Priority;
import org.cpd.goals.domain.SetBy;
import org.cpd.goals.domain.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Goal", description = "A professional learner's goal.")
public record GoalDto(UUID id, UUID ownerId, String title, String pupilAspiration, Priority priority,
                      String successCriteria, String currentPractice, String stretch, LocalDate targetDate,
                      SetBy setBy, GoalStatus status, Visibility visibility, String schoolUrn,
                      List<UUID> relationshipIds, String discontinuedReason,
                      @Schema(description = "The revised goal this one replaces.") UUID supersedes,
                      @Schema(description = "For a REVISED goal, the goal that replaced it.") UUID supersededBy,
                      Instant statusChangedAt, long version, Instant createdAt, Instant updatedAt) {

    public static GoalDto from(Goal g) {
        return new GoalDto(g.id, g.ownerId, g.title, g.pupilAspiration, g.priority, g.successCriteria,
                g.currentPractice, g.stretch, g.targetDate, g.setBy, g.status, g.visibility, g.schoolUrn,
                g.relationshipIds.stream().sorted().toList(), g.discontinuedReason, g.supersedes, g.supersededBy,
                g.statusChangedAt, g.version, g.createdAt, g.updatedAt);
    }
}
