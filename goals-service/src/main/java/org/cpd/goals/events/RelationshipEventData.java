package org.cpd.goals.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of a relationships-service event this service needs: a snapshot of who takes part and
 * in what state the relationship is. Read leniently (unknown fields ignored) so the producer can
 * add fields without breaking this consumer.
 */
public record RelationshipEventData(
        @JsonAlias("id") UUID relationshipId,
        String form,
        String status,
        List<ParticipantData> participants,
        @JsonAlias("activatedAt") Instant startedAt,
        @JsonAlias("closedAt") Instant endedAt) {

    public record ParticipantData(UUID practitionerId, String role) {
    }
}
