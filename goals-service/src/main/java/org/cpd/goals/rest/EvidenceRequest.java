package org.cpd.goals.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.VideoMoment;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.service.EvidenceCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EvidenceRequest", description = "Direct evidence from practice.")
public record EvidenceRequest(
        @NotNull EvidenceType type,
        @NotNull @Schema(description = "When it happened (not in the future).", examples = Examples.EVIDENCE_OCCURRED_ON) LocalDate occurredOn,
        @NotBlank @Size(max = 200) @Schema(examples = Examples.EVIDENCE_TITLE) String title,
        @Size(max = 8000) String description,
        @Size(max = 8000) @Schema(description = "Why it worked or did not: the theory behind the practice.") String reflection,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link")
        @Schema(description = "For VIDEO_OF_PRACTICE: where the recording is.") String videoUrl,
        @Size(max = 50) List<@Valid @NotNull VideoMoment> videoMoments,
        @Schema(description = "Defaults to PRIVATE. Private evidence is never shown to anyone else, even when linked to a shared goal.")
        Visibility visibility,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit school URN") String schoolUrn,
        @Size(max = 20) List<@NotNull UUID> relationshipIds,
        @Size(max = 50) @Schema(description = "Goals of the same learner this evidence supports.") List<@NotNull UUID> goalIds,
        @Size(max = 50) @Schema(description = "Standards (ids from /api/v1/standards-frameworks) it evidences.") List<@NotNull UUID> standardIds) {

    public EvidenceCommand command() {
        return new EvidenceCommand(type, occurredOn, title, description, reflection, videoUrl, videoMoments, visibility,
                schoolUrn, relationshipIds, goalIds, standardIds);
    }
}
