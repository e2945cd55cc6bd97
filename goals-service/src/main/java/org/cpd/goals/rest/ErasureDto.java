package org.cpd.goals.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.cpd.commons.privacy.rest.AppliedErasure;
import org.cpd.goals.domain.Erasure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalsErasure", description = "goals-service's erasure of a person: their private evidence deleted, the "
        + "attachments of all their evidence deleted with their large objects, their goals, shared evidence and reviews "
        + "kept for statistics with their free text cleared.")
@JsonPropertyOrder({"service", "erasureId", "practitionerId", "status", "requestedAt", "appliedAt", "partnershipIds"})
public record ErasureDto(
        @Schema(description = "The service this status comes from.", examples = "goals-service") String service,
        @JsonUnwrapped AppliedErasure erasure,
        @Schema(description = "Goals whose free text was cleared.") int goals,
        @Schema(description = "Private evidence deleted.") int evidenceDeleted,
        @Schema(description = "Shared evidence kept for statistics, its free text cleared.") int evidenceAnonymised,
        @Schema(description = "Attachments deleted with their content.") int attachmentsDeleted) {

    public static ErasureDto from(Erasure e) {
        return new ErasureDto("goals-service", AppliedErasure.of(e), e.goals, e.evidenceDeleted, e.evidenceAnonymised,
                e.attachmentsDeleted);
    }
}
