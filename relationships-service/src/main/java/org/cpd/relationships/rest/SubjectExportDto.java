package org.cpd.relationships.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.Person;
import org.cpd.relationships.service.SubjectAccessService.SubjectData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelationshipsSubjectExport", description = "Everything relationships-service holds about one person: what it "
        + "knows of them from the directory, the relationships they took part in with their learning agreements, "
        + "conversations and action points, and the action points they own. Confidential notes are given only to the "
        + "person themselves (docs/architecture.md#rule-3-confidential-reflection).")
public record SubjectExportDto(
        @Schema(description = "The service this part comes from.", examples = "relationships-service") String service,
        @Schema(description = "When the export was made.") Instant exportedAt,
        UUID practitionerId,
        @Schema(description = "What the service keeps of the person from the directory's events; null when it knows nothing.")
        KnownPerson knownAs,
        List<RelationshipDto> relationships,
        @Schema(description = "The current version of each relationship's learning agreement.") List<AgreementDto> agreements,
        @Schema(description = "Every conversation of those relationships, with its action points.") List<ConversationDto> conversations,
        List<ActionPointDto> actionPointsOwned,
        @Schema(description = "Whether confidential notes are in this export: only when the person asks for their own.")
        boolean confidentialNotesIncluded) {

    @Schema(name = "RelationshipsKnownPerson")
    public record KnownPerson(boolean active, String schoolUrn, UUID organisationId, String careerStage,
                              Set<UUID> partnershipIds, Set<UUID> lineManagerIds, Set<UUID> appraiserIds) {
        static KnownPerson from(KnownPractitioner k) {
            Person p = k.toPerson();
            return new KnownPerson(k.active, k.schoolUrn, k.organisationId, k.careerStage,
                    p.partnershipIds(), p.lineManagerIds(), p.appraiserIds());
        }
    }

    static SubjectExportDto from(SubjectData d, Instant now) {
        return new SubjectExportDto("relationships-service", now, d.practitionerId(),
                d.known() == null ? null : KnownPerson.from(d.known()),
                d.relationships().stream().map(RelationshipDto::from).toList(),
                d.agreements().stream().map(AgreementDto::from).toList(),
                d.conversations().stream().map(ConversationDto::detail).toList(),
                d.actionPointsOwned().stream().map(ActionPointDto::from).toList(),
                d.confidentialNotesIncluded());
    }
}
