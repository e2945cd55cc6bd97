package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.directory.domain.Account;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.domain.CpdRecord;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.OfferWithLoad;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.repository.SubjectQueries;
import org.cpd.directory.repository.SupportLedgerQueries;

/**
 * Subject access: everything the directory holds about one person, for the person themselves or an admin of
 * one of their partnerships (anyone else: 404). Each export is audited (docs/data-protection.md).
 */
@ApplicationScoped
public class SubjectAccessService {

    /** The directory's part of a person's data. */
    public record SubjectData(Practitioner practitioner, AccountState account, List<Appointment> appointments,
                              OfferWithLoad supportOffer, CpdRecord cpdRecord, List<UUID> lineManagerOf,
                              List<UUID> appraiserOf) {
    }

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    SubjectQueries queries;

    @Inject
    SupportLedgerQueries ledger;

    @Transactional
    public SubjectData export(SubjectRef subject) {
        Caller caller = user.caller();
        UUID id = subject.person(caller.practitionerId());
        Practitioner p = Practitioner.findById(id);
        if (p == null || !new DirectoryAccess(caller).actsOnSubjectDataOf(p)) {
            throw RuleViolation.notFound("practitioner", id);
        }
        audit.subjectExport(id, caller).about(id, p.partnerships()).record();
        Account account = Account.findById(id);
        OfferWithLoad offer = SupportOffer.<SupportOffer>findByIdOptional(id)
                .map(o -> new OfferWithLoad(o, ledger.load(o.id))).orElse(null);
        return new SubjectData(p, account == null ? AccountState.PENDING : account.state, queries.appointmentsOf(id),
                offer, CpdRecord.of(id, ledger.participations(id)), queries.lineManagedBy(id), queries.appraisedBy(id));
    }
}
