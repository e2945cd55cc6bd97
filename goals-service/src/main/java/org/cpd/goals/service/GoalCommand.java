package org.cpd.goals.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.Priority;
import org.cpd.goals.domain.SetBy;
import org.cpd.goals.domain.Visibility;

/** The writable content of a goal; null fields of a patch leave the goal unchanged. */
public record GoalCommand(String title, String pupilAspiration, Priority priority, String successCriteria,
                          String currentPractice, String stretch, LocalDate targetDate, SetBy setBy,
                          Visibility visibility, String schoolUrn, List<UUID> relationshipIds) {
}
