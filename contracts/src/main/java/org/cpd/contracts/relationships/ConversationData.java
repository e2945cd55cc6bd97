package org.cpd.contracts.relationships;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A learning conversation that took place: enough to credit the supporter's time (DESIGN rule 7)
 * and track protected time. No summary and no confidential notes.
 *
 * @param supporterId  the mentor or specialist coach; for co-coaching the peer who held the coach role
 * @param coachId      co-coaching: who held the coach role this time; otherwise the supporter
 * @param agendaOwner  SUPPORTER_LED, SHARED or LEARNER_LED
 */
public record ConversationData(
        UUID conversationId,
        UUID relationshipId,
        String form,
        Instant startsAt,
        int durationMinutes,
        UUID supporterId,
        UUID coachId,
        List<UUID> participants,
        String agendaOwner,
        List<String> activities) {
}
