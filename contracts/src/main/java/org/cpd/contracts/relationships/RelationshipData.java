package org.cpd.contracts.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A relationship's state after the change the event reports (always the full state, so a
 * consumer can upsert from any single event).
 *
 * @param form        MENTORING, SPECIALIST_COACHING or CO_COACHING
 * @param status      PROPOSED, AGREEMENT_PENDING, ACTIVE, PAUSED, CLOSED, DECLINED, WITHDRAWN or EXPIRED
 * @param purpose     mentoring: INDUCTION, PROGRESSION or CHALLENGE; otherwise null
 * @param aspect      specialist coaching: expertise code of the aspect of practice; otherwise null
 * @param outcome     when CLOSED: COMPLETED_AS_PLANNED or ENDED_EARLY
 * @param referredFrom the coaching relationship a mentoring referral came from, or null
 * @param expiresAt   while PROPOSED: when an unanswered proposal expires
 */
public record RelationshipData(
        UUID relationshipId,
        String form,
        String status,
        String purpose,
        String aspect,
        List<ParticipantData> participants,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        Instant activatedAt,
        Instant endedAt,
        String outcome,
        UUID referredFrom,
        Instant expiresAt) {
}
