package org.cpd.relationships.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.ClosingOutcome;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SpecialistInputKind;
import org.cpd.relationships.domain.SupportForm;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A relationship as clients see it. */
@Schema(name = "Relationship")
public record RelationshipDto(
        UUID id,
        SupportForm form,
        RelationshipStatus status,
        MentoringPurpose purpose,
        String aspect,
        SpecialistInput specialistInput,
        List<ParticipantDto> participants,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        String proposedBy,
        Instant proposedAt,
        @Schema(description = "While PROPOSED: when the proposal expires if nobody answers.") Instant expiresAt,
        Instant activatedAt,
        Instant endedAt,
        ClosingOutcome outcome,
        String endReason,
        @Schema(description = "LINE_MANAGER_MENTOR, CONFLICT_OF_INTEREST_OVERRIDDEN, CO_COACHING_SHORTER_THAN_A_TERM")
        List<String> flags,
        String conflictOverrideReason,
        UUID referredFrom,
        @Schema(description = "Set once retention kept the relationship, ended long ago, as anonymised statistics only "
                + "(docs/data-protection.md): since then its reasons, descriptions and agreement texts are empty and "
                + "who did what reads `[anonymised]`; form, status, dates and participants stay.")
        Instant anonymisedAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "SpecialistInputView")
    public record SpecialistInput(SpecialistInputKind kind, String description) {
    }

    @Schema(name = "Participant")
    public record ParticipantDto(UUID practitionerId, ParticipantRole role, String schoolUrn, Instant acceptedAt) {
    }

    public static RelationshipDto from(Relationship r) {
        return new RelationshipDto(r.id, r.form, r.status, r.purpose, r.aspect,
                r.specialistInputKind == null ? null : new SpecialistInput(r.specialistInputKind, r.specialistInputDescription),
                r.participants.stream().map(p -> new ParticipantDto(p.practitionerId, p.role, p.schoolUrn, p.acceptedAt)).toList(),
                r.plannedStart, r.plannedEnd, r.proposedBy, r.proposedAt,
                r.status == RelationshipStatus.PROPOSED ? r.expiresAt : null,
                r.activatedAt, r.endedAt, r.outcome, r.endReason, r.flags(), r.conflictOverrideReason, r.referredFrom,
                r.anonymisedAt, r.version, r.createdAt, r.updatedAt);
    }
}
