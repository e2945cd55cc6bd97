package org.cpd.contracts.goals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A goal was reviewed and an action plan agreed.
 *
 * @param progress      NOT_STARTED, BEGINNING, DEVELOPING, SECURE or ACHIEVED
 * @param nextActionDue the earliest due date of the agreed actions, or null when none
 */
public record GoalReviewedData(UUID reviewId, UUID goalId, UUID ownerId, UUID reviewerId, LocalDate reviewedOn,
                               String progress, int actionCount, LocalDate nextActionDue) {
}
