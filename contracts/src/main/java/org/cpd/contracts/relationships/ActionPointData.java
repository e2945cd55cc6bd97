package org.cpd.contracts.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An action point set in a conversation, or completed (no description: it may be personal). */
public record ActionPointData(
        UUID actionId,
        UUID relationshipId,
        UUID conversationId,
        UUID ownerId,
        LocalDate dueOn,
        Instant completedAt) {
}
