package org.cpd.goals.rest;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.goals.domain.Erasure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalsErasure", description = "goals-service's erasure of a person: their private evidence deleted, the "
        + "attachments of all their evidence deleted with their large objects, their goals, shared evidence and reviews "
        + "kept for statistics with their free text cleared.")
public record ErasureDto(
        @Schema(description = "The service this status comes from.", examples = "goals-service") String service,
        @Schema(description = "The directory's erasure record.") UUID erasureId,
        UUID practitionerId,
        @Schema(description = "`applied`: the service erased what it held of the person.", examples = "applied") String status,
        @Schema(description = "When the erasure was requested.") Instant requestedAt,
        @Schema(description = "When this service applied it.") Instant appliedAt,
        @Schema(description = "The person's partnerships when they were erased; their admins may read the status.")
        Set<UUID> partnershipIds,
        @Schema(description = "Goals whose free text was cleared.") int goals,
        @Schema(description = "Private evidence deleted.") int evidenceDeleted,
        @Schema(description = "Shared evidence kept for statistics, its free text cleared.") int evidenceAnonymised,
        @Schema(description = "Attachments deleted with their content.") int attachmentsDeleted) {

    public static ErasureDto from(Erasure e) {
        return new ErasureDto("goals-service", e.erasureId, e.practitionerId, "applied", e.requestedAt, e.appliedAt,
                new TreeSet<>(e.partnerships()), e.goals, e.evidenceDeleted, e.evidenceAnonymised, e.attachmentsDeleted);
    }
}
