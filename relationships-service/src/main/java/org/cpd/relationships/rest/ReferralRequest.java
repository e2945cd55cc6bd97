package org.cpd.relationships.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral for mentoring from inside a coaching relationship (docs/architecture.md#rule-8-referral-not-a-change-of-form). */
@Schema(name = "ReferralRequest")
public record ReferralRequest(
        @NotNull @Schema(description = "The coaching relationship the need appeared in.") UUID fromRelationshipId,
        @NotNull @Schema(description = "The proposed mentor.") UUID mentorId,
        @NotNull MentoringPurpose purpose,
        @NotBlank @Size(max = 2000) String reason,
        LocalDate plannedStart,
        LocalDate plannedEnd) {

    ReferralService.ReferralCommand toCommand() {
        return new ReferralService.ReferralCommand(fromRelationshipId, mentorId, purpose, reason, plannedStart, plannedEnd);
    }
}
