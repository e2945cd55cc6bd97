package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.directory.domain.CpdRecord;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.repository.SupportLedgerQueries;

/** A supporter's own CPD record, for the person and those who manage their record. */
@ApplicationScoped
@Transactional
public class CpdRecordService {

    @Inject
    PractitionerService practitioners;

    @Inject
    CurrentUser user;

    @Inject
    SupportLedgerQueries ledger;

    @Inject
    AuditLog audit;

    public CpdRecord record(UUID practitionerId) {
        Practitioner p = practitioners.visible(practitionerId);
        DirectoryAccess access = new DirectoryAccess(user.caller());
        if (!access.seesPrivateFields(p)) {
            throw RuleViolation.notFound("CPD record of practitioner", practitionerId);
        }
        if (!access.isSelf(practitionerId)) {
            audit.entry("read", "cpd-record", practitionerId).about(practitionerId, p.partnerships()).record();
        }
        return CpdRecord.of(practitionerId, ledger.participations(practitionerId));
    }
}
