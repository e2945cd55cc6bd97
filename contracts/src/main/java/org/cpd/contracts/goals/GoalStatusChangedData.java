package org.cpd.contracts.goals;

import java.time.Instant;
import java.util.UUID;

/**
 * A goal moved in its lifecycle (DRAFT → ACTIVE → ACHIEVED | REVISED | DISCONTINUED).
 *
 * @param successorGoalId for REVISED, the goal that replaces it; otherwise null
 */
public record GoalStatusChangedData(UUID goalId, UUID ownerId, String from, String to, UUID successorGoalId,
                                    Instant changedAt) {
}
