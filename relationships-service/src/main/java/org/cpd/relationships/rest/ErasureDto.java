package org.cpd.relationships.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.cpd.commons.privacy.rest.AppliedErasure;
import org.cpd.relationships.domain.Erasure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelationshipsErasure", description = "relationships-service's erasure of a person: every relationship "
        + "they took part in kept as statistics only (form, status, dates, participants by id), its conversations' "
        + "confidential notes and summaries, its action points' wording, its agreement's terms and its reasons cleared.")
@JsonPropertyOrder({"service", "erasureId", "practitionerId", "status", "requestedAt", "appliedAt", "partnershipIds"})
public record ErasureDto(
        @Schema(description = "The service this status comes from.", examples = "relationships-service") String service,
        @JsonUnwrapped AppliedErasure erasure,
        @Schema(description = "Relationships reduced to statistics.") int relationships,
        @Schema(description = "Conversations whose notes and summary were cleared.") int conversations) {

    public static ErasureDto from(Erasure e) {
        return new ErasureDto("relationships-service", AppliedErasure.of(e), e.relationships, e.conversations);
    }
}
