package org.cpd.goals.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.VideoMoment;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.service.AttachedEvidence;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Evidence", description = "Direct evidence from practice.")
public record EvidenceDto(UUID id, UUID ownerId, EvidenceType type, LocalDate occurredOn, String title,
                          String description, String reflection, String videoUrl, List<VideoMoment> videoMoments,
                          Visibility visibility, String schoolUrn, List<UUID> relationshipIds, List<UUID> goalIds,
                          List<UUID> standardIds, List<AttachmentDto> attachments, long version,
                          Instant createdAt, Instant updatedAt) {

    public static EvidenceDto from(Evidence e, List<Attachment> attachments) {
        return new EvidenceDto(e.id, e.ownerId, e.type, e.occurredOn, e.title, e.description, e.reflection, e.videoUrl,
                e.videoMoments == null ? List.of() : List.copyOf(e.videoMoments), e.visibility, e.schoolUrn,
                e.relationshipIds.stream().sorted().toList(), e.goalIds.stream().sorted().toList(),
                e.standardIds.stream().sorted().toList(),
                attachments == null ? List.of() : attachments.stream().map(AttachmentDto::from).toList(),
                e.version, e.createdAt, e.updatedAt);
    }

    public static EvidenceDto from(AttachedEvidence e) {
        return from(e.evidence(), e.attachments());
    }

    public static EvidenceDto from(Evidence e, Map<UUID, List<Attachment>> attachments) {
        return from(e, attachments.getOrDefault(e.id, List.of()));
    }
}
