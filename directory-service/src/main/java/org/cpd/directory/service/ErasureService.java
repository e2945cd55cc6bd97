package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Erasure;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.repository.SubjectQueries;

/**
 * Erasure of a person (UK GDPR, docs/adr/0043-erasure.md), asked for by an admin of one of the person's
 * partnerships (anyone else gets 404), or done by the retention of records deactivated long ago. One transaction:
 * the record anonymised and deactivated (the account worker then disables the login), line-management and appraisal
 * links in both directions removed, the MIS ids dropped, the support offer withdrawn, the erasure recorded, the event
 * for the other services written to the outbox and the erasure audited. Erasing again answers with the first erasure
 * and changes nothing.
 */
@ApplicationScoped
public class ErasureService {

    /** The erasure record, and whether this request made it. */
    public record Outcome(Erasure erasure, boolean created) {
    }

    /** The audit reason of an erasure an admin asked for. */
    static final String REQUESTED = "erasure request";

    private static final String SYSTEM = "system:";

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    SubjectQueries queries;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    AppointmentService appointments;

    @Inject
    AccountProvisioning accounts;

    @Inject
    EntityManager em;

    @Transactional
    public Outcome erase(SubjectRef subject) {
        Caller caller = user.caller();
        UUID id = subject.person(caller.practitionerId());
        // locked: two requests at once erase once (the second waits, then finds the record)
        Practitioner p = Practitioner.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !new DirectoryAccess(caller).erasesSubjectDataOf(p)) {
            throw RuleViolation.notFound("practitioner", id);
        }
        Optional<Erasure> done = Erasure.of(id);
        if (done.isPresent()) {
            return new Outcome(done.get(), false);
        }
        return new Outcome(erase(p, caller.subject(), REQUESTED), true);
    }

    /**
     * The erasure itself, whoever asked: an admin's request or the retention of deactivated records
     * ({@link DeactivatedPractitionersRetention}). Runs in the caller's transaction, on a record the caller has locked
     * and found not erased yet, so the person is erased whole or not at all. {@code requestedBy} is the admin's token
     * subject, or a system actor ({@code system:<job>}) that the audit entry then names; {@code reason} is the audit
     * entry's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Erasure erase(Practitioner p, String requestedBy, String reason) {
        UUID id = p.id;
        boolean wasActive = p.active;
        for (UUID managedId : queries.linkedTo(id)) {
            Practitioner managed = Practitioner.findById(managedId);
            managed.lineManagerIds.remove(id);
            managed.appraiserIds.remove(id);
            managed.touch();
            events.lineManagementChanged(managed);
        }
        p.anonymise();
        queries.forgetMisIds(id);
        SupportOffer offer = SupportOffer.findById(id);
        if (offer != null) {
            offer.withdraw();
        }
        em.flush();
        if (offer != null) {
            events.supportOfferChanged(offer);
            events.capacityChanged(offer);
        }
        if (wasActive) {
            events.practitionerDeactivated(p);
        }
        events.lineManagementChanged(p);
        appointments.endThoseNoLongerHeld(p);
        accounts.changed(p);

        Erasure erasure = new Erasure();
        erasure.practitionerId = id;
        erasure.requestedAt = TrackedEntity.now();
        erasure.requestedBy = requestedBy;
        erasure.partnershipIds = p.partnershipIds.clone();
        erasure.persist();
        em.flush();
        events.practitionerErased(erasure);
        AuditLog.Entry entry = audit.entry("erase", "practitioner", id).about(id, p.partnerships()).because(reason);
        if (requestedBy.startsWith(SYSTEM)) {
            entry.by(requestedBy);
        }
        entry.record();
        return erasure;
    }

    /** The directory's erasure of a person, for an admin of a partnership the person was in when erased. */
    @Transactional
    public Erasure status(UUID practitionerId) {
        Caller caller = user.caller();
        return Erasure.of(practitionerId).filter(e -> new DirectoryAccess(caller).readsErasureOf(e.partnerships()))
                .orElseThrow(() -> RuleViolation.notFound("erasure of practitioner", practitionerId));
    }
}
