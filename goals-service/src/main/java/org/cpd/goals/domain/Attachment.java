package org.cpd.goals.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** A file attached to evidence; its bytes are kept by the {@code AttachmentStore} under {@link #contentRef}. */
@Entity
@Table(name = "attachment")
public class Attachment extends TrackedEntity {

    @Column(name = "evidence_id", nullable = false, updatable = false)
    public UUID evidenceId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** The sniffed type, not the client's claim. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** SHA-256 of the bytes, lower-case hex. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "content_oid", nullable = false)
    public long contentRef;
}
