package org.cpd.contracts.relationships;

import java.time.LocalDate;
import java.util.UUID;

/** An open action point reached its due date (no description: it may be personal). */
public record ActionDueData(UUID actionId, UUID relationshipId, UUID ownerId, LocalDate dueOn) {
}
