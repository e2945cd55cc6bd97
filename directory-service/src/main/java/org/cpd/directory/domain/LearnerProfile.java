package org.cpd.directory.domain;

import java.util.Set;
import java.util.UUID;

/** What matching knows about the learner: context, and whom the buffer zones keep apart. */
public record LearnerProfile(
        UUID id,
        CareerStage careerStage,
        UUID schoolId,
        Set<String> subjects,
        Set<String> phases,
        Set<UUID> partnershipIds,
        Set<UUID> lineManagerIds,
        Set<UUID> appraiserIds) {
}
