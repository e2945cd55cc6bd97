package org.cpd.relationships.rest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.AgreementTerms;
import org.cpd.relationships.domain.AgreementVersion;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.service.AgreementState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current version of a learning agreement with its signatures. */
@Schema(name = "LearningAgreement")
public record AgreementDto(
        UUID relationshipId,
        @Schema(description = "The current version number; sign this one.") int version,
        AgreementTerms terms,
        String createdBy,
        Instant createdAt,
        List<SignatureDto> signatures,
        @Schema(description = "Participants who have not signed the current version yet.") List<UUID> awaitingSignatureFrom,
        boolean signedByAll) {

    @Schema(name = "Signature")
    public record SignatureDto(UUID practitionerId, Instant signedAt) {
    }

    public static AgreementDto from(AgreementState state) {
        return of(state.agreement(), state.version(), state.participantIds());
    }

    private static AgreementDto of(LearningAgreement a, AgreementVersion v, Collection<UUID> participants) {
        List<UUID> awaiting = participants.stream().filter(p -> v.signatureOf(p).isEmpty()).toList();
        return new AgreementDto(a.relationshipId, v.number, v.terms, v.createdBy, v.createdAt,
                v.signatures.stream().map(s -> new SignatureDto(s.practitionerId, s.signedAt)).toList(),
                awaiting, awaiting.isEmpty());
    }
}
