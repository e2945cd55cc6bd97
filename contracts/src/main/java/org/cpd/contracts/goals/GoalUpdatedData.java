package org.cpd.contracts.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A goal's content or sharing was edited: its state after the edit, without any of its text.
 *
 * @param setBy           SUPPORTER_LED, SHARED or LEARNER_LED (self-direction)
 * @param priority        SCHOOL, INDIVIDUAL or BOTH
 * @param status          DRAFT or ACTIVE (a finished goal is not edited)
 * @param visibility      PRIVATE, RELATIONSHIP or SCHOOL
 * @param relationshipIds relationships it is pursued in (empty for a private goal)
 * @param changedFields   names of the fields the edit changed (names only, never their values), sorted
 */
public record GoalUpdatedData(UUID goalId, UUID ownerId, String setBy, String priority, String status,
                              String visibility, List<UUID> relationshipIds, LocalDate targetDate,
                              List<String> changedFields) {
}
