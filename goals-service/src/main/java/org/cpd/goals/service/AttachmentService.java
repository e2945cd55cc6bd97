package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.goals.config.AttachmentsConfig;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.ContentSniffer;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.events.GoalsPublisher;
import org.cpd.goals.repository.AttachmentStore;

/**
 * Attachments of evidence. An upload is checked (size, sniffed type) before any byte is stored,
 * then streamed into the store in the same transaction as its row: refused or failed uploads
 * leave nothing behind.
 */
@ApplicationScoped
public class AttachmentService {

    @Inject
    EvidenceService evidence;

    @Inject
    AccessPolicies access;

    @Inject
    AttachmentStore store;

    @Inject
    GoalsPublisher events;

    @Inject
    AuditLog audit;

    @Inject
    AttachmentsConfig config;

    private long maxBytes() {
        return config.maxBytes().asLongValue();
    }

    /** Stores the uploaded file (already spooled to disk by the HTTP layer) for evidence {@code evidenceId}. */
    @Transactional
    public Attachment attach(UUID evidenceId, Path upload, long size, String fileName, String declaredType) throws IOException {
        Evidence owner = evidence.ownEvidence(evidenceId);
        if (size > maxBytes()) {
            throw tooLarge();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(upload), 64 * 1024)) {
            in.mark(ContentSniffer.PREFIX_BYTES);
            byte[] head = in.readNBytes(ContentSniffer.PREFIX_BYTES);
            in.reset();
            String type = ContentSniffer.accept(declaredType, head, head.length).orElseThrow(() -> RuleViolation.of(
                    RuleViolation.Kind.UNSUPPORTED_CONTENT, "unsupported-attachment-type",
                    "Attachments may be PDF, PNG, JPEG, GIF, WebP or HEIC, and the "
                    + "Content-Type sent must match the file's content."));
            AttachmentStore.Stored stored;
            try {
                stored = store.store(in, maxBytes());
            } catch (AttachmentStore.TooLargeException e) {
                throw tooLarge();
            }
            Attachment a = new Attachment();
            a.evidenceId = owner.id;
            a.fileName = safeName(fileName);
            a.contentType = type;
            a.sizeBytes = stored.size();
            a.sha256 = stored.sha256();
            a.contentRef = stored.ref();
            a.persist();
            events.evidenceAttachmentAdded(owner, a);
            audit.entry("attach", "evidence", owner.id).about(owner.ownerId(), null).inCallersPartnerships()
                    .details("attachment " + a.id + " sha256 " + a.sha256).record();
            return a;
        }
    }

    /** The attachment if the caller may read its evidence; 404 otherwise. */
    @Transactional
    public Attachment readable(UUID id) {
        Attachment a = Attachment.<Attachment>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("attachment", id));
        Evidence e = evidence.findReadable(a.evidenceId).orElseThrow(() -> RuleViolation.notFound("attachment", id));
        if (!access.current().isOwner(e)) {
            audit.entry("read", "attachment", id).about(e.ownerId(), null).inCallersPartnerships()
                    .details("shared " + e.visibility).record();
        }
        return a;
    }

    /** Streams the bytes in their own read transaction (called while the response is written). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void copy(long ref, OutputStream out) throws IOException {
        store.copyTo(ref, out);
    }

    @Transactional
    public void delete(UUID id) {
        Attachment a = Attachment.<Attachment>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("attachment", id));
        Evidence owner = evidence.ownEvidence(a.evidenceId);
        store.delete(a.contentRef);
        a.delete();
        events.evidenceAttachmentRemoved(owner, a);
        audit.entry("delete", "attachment", id).about(owner.ownerId(), null).inCallersPartnerships().record();
    }

    private RuleViolation tooLarge() {
        return RuleViolation.of(RuleViolation.Kind.TOO_LARGE, "attachment-too-large",
                "Attachments may be at most " + maxBytes() + " bytes; nothing was stored.");
    }

    private static String safeName(String name) {
        String base = name == null || name.isBlank() ? "attachment" : Path.of(name.replace('\\', '/')).getFileName().toString();
        base = base.replaceAll("[\\p{Cntrl}\"]", "_");
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}
