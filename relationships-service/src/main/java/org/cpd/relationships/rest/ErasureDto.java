package org.cpd.relationships.rest;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.relationships.domain.Erasure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelationshipsErasure", description = "relationships-service's erasure of a person: every relationship "
        + "they took part in kept as statistics only (form, status, dates, participants by id), its conversations' "
        + "confidential notes and summaries, its action points' wording, its agreement's terms and its reasons cleared.")
public record ErasureDto(
        @Schema(description = "The service this status comes from.", examples = "relationships-service") String service,
        @Schema(description = "The directory's erasure record.") UUID erasureId,
        UUID practitionerId,
        @Schema(description = "`applied`: the service erased what it held of the person.", examples = "applied") String status,
        @Schema(description = "When the erasure was requested.") Instant requestedAt,
        @Schema(description = "When this service applied it.") Instant appliedAt,
        @Schema(description = "The person's partnerships when they were erased; their admins may read the status.")
        Set<UUID> partnershipIds,
        @Schema(description = "Relationships reduced to statistics.") int relationships,
        @Schema(description = "Conversations whose notes and summary were cleared.") int conversations) {

    public static ErasureDto from(Erasure e) {
        return new ErasureDto("relationships-service", e.erasureId, e.practitionerId, "applied", e.requestedAt, e.appliedAt,
                new TreeSet<>(e.partnerships()), e.relationships, e.conversations);
    }
}
