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

    @Column(updatable = false)
    public UUID evidenceId;

    public String fileName;

    /** The sniffed type, not the client's claim. */
    public String contentType;

    public long sizeBytes;

    /** SHA-256 of the bytes, lower-case hex. */
    public String sha256;

    @Column(name = "content_oid")
    public long contentRef;
}
