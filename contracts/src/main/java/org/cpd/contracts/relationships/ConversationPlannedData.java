package org.cpd.contracts.relationships;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A conversation planned for a future time (no summary, no notes: those come only when it is held). */
public record ConversationPlannedData(
        UUID conversationId,
        UUID relationshipId,
        String form,
        Instant startsAt,
        List<UUID> participants) {
}
