package org.cpd.relationships.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.ProposalRules;
import org.cpd.relationships.domain.SpecialistInputKind;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.Proposal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposal of a relationship of one form. */
@Schema(name = "ProposeRelationship", description = "A proposal of a mentoring, specialist coaching or co-coaching relationship.")
public record ProposeRelationship(
        @NotNull @Schema(required = true) SupportForm form,
        @Schema(description = "Mentoring only: why mentoring is needed.") MentoringPurpose purpose,
        @Size(max = 100) @Schema(description = "Specialist coaching only: the aspect of practice, a code of the directory's expertise taxonomy.", examples = "ASSESSMENT_FOR_LEARNING")
        String aspect,
        @Valid @Schema(description = "Co-coaching only: the specialist input the peers embed in practice.") SpecialistInput specialistInput,
        @NotEmpty @Size(max = 10) @Schema(required = true) List<@Valid Party> participants,
        @Schema(examples = "2026-09-07") LocalDate plannedStart,
        @Schema(examples = "2027-07-16") LocalDate plannedEnd,
        @Valid @Schema(description = "A school lead's override of a conflict of interest (line manager or appraiser as coach), with the reason; audited.")
        ConflictOverride conflictOverride) {

    /** One intended participant and their role. */
    @Schema(name = "ProposedParticipant")
    public record Party(@NotNull UUID practitionerId, @NotNull ParticipantRole role) {
    }

    /** What co-coaches build on: a course, consultant, demonstration or text. */
    @Schema(name = "SpecialistInput")
    public record SpecialistInput(@NotNull SpecialistInputKind kind,
                                  @NotNull @Size(min = 1, max = 500) String description) {
    }

    public record ConflictOverride(@NotNull @Size(min = 5, max = 1000) String reason) {
    }

    public Proposal toProposal() {
        return new Proposal(form, purpose, aspect, specialistInput == null ? null : specialistInput.kind(),
                specialistInput == null ? null : specialistInput.description(),
                participants.stream().map(p -> new ProposalRules.Party(p.practitionerId(), p.role())).toList(),
                plannedStart, plannedEnd, conflictOverride == null ? null : conflictOverride.reason());
    }
}
