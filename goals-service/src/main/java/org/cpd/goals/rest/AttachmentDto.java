package org.cpd.goals.rest;

import java.time.Instant;
import java.util.UUID;
import org.cpd.goals.domain.Attachment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attachment", description = "A file attached to evidence; download it from `href`.")
public record AttachmentDto(UUID id, UUID evidenceId, String fileName,
                            @Schema(description = "Recognised from the file's bytes.") String contentType,
                            long sizeBytes, @Schema(description = "SHA-256 of the bytes, hex.") String sha256,
                            String href, Instant createdAt) {

    public static AttachmentDto from(Attachment a) {
        return new AttachmentDto(a.id, a.evidenceId, a.fileName, a.contentType, a.sizeBytes, a.sha256,
                "/api/v1/attachments/" + a.id, a.createdAt);
    }
}
