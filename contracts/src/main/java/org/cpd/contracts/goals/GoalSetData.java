package org.cpd.contracts.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A goal was set.
 *
 * @param setBy          SUPPORTER_LED, SHARED or LEARNER_LED (self-direction)
 * @param status         DRAFT, or ACTIVE for the successor of a revised goal
 * @param visibility     PRIVATE, RELATIONSHIP or SCHOOL
 * @param relationshipIds relationships it is pursued in (empty for a private goal)
 * @param supersedes     the revised goal this one replaces, or null
 */
public record GoalSetData(UUID goalId, UUID ownerId, String setBy, String status, String visibility,
                          List<UUID> relationshipIds, LocalDate targetDate, UUID supersedes) {
}
