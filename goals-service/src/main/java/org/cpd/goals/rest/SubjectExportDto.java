package org.cpd.goals.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.rest.ReviewDtos.ReviewDto;
import org.cpd.goals.service.SubjectAccessService.SubjectData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GoalsSubjectExport", description = "Everything goals-service holds about one person: their goals, every "
        + "piece of their evidence (private ones included) with its attachments' metadata, and the reviews of their "
        + "goals or written by them. Attachment content is downloaded from /api/v1/attachments/{id}.")
public record SubjectExportDto(
        @Schema(description = "The service this part comes from.", examples = "goals-service") String service,
        @Schema(description = "When the export was made.") Instant exportedAt,
        UUID practitionerId,
        List<GoalDto> goals,
        List<EvidenceDto> evidence,
        List<ReviewDto> reviews) {

    static SubjectExportDto from(SubjectData d, Instant now) {
        Map<UUID, List<Attachment>> byEvidence = d.attachments().stream()
                .collect(Collectors.groupingBy(a -> a.evidenceId));
        return new SubjectExportDto("goals-service", now, d.practitionerId(),
                d.goals().stream().map(GoalDto::from).toList(),
                d.evidence().stream().map(e -> EvidenceDto.from(e, byEvidence)).toList(),
                d.reviews().stream().map(ReviewDto::from).toList());
    }
}
