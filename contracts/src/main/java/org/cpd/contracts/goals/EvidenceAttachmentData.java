package org.cpd.contracts.goals;

import java.util.UUID;

/** A file was attached to evidence, or removed from it. Ids only: never its name, type or bytes. */
public record EvidenceAttachmentData(UUID attachmentId, UUID evidenceId, UUID ownerId) {
}
