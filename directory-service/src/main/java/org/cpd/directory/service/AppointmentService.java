package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.domain.AppointmentRole;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.events.DirectoryEventPublisher;

/**
 * School-lead and partnership-admin appointments: the directory's record of who leads what, from which
 * the services' access and the accounts' realm roles follow. Every change is audited and published.
 */
@ApplicationScoped
@Transactional
public class AppointmentService {

    @Inject
    CurrentUser user;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    AccountProvisioning accounts;

    // ---- partnership admins

    public Appointment appointPartnershipAdmin(UUID partnershipId, UUID practitionerId) {
        requirePartnership(partnershipId);
        access().requireMayAppointAdminsOf(partnershipId);
        Practitioner p = Practitioner.findById(practitionerId);
        if (!Appointment.eligibleAsPartnershipAdmin(p, partnershipId)) {
            throw outsideScope(practitionerId, "in this partnership");
        }
        requireNotHeld(Appointment.count("role = ?1 and practitionerId = ?2 and partnershipId = ?3 and endedAt is null",
                AppointmentRole.PARTNERSHIP_ADMIN, practitionerId, partnershipId));
        return made(Appointment.partnershipAdmin(practitionerId, null, partnershipId, user.subject()));
    }

    public Appointment endPartnershipAdmin(UUID partnershipId, UUID appointmentId) {
        requirePartnership(partnershipId);
        Appointment a = Appointment.<Appointment>find("id = ?1 and role = ?2 and partnershipId = ?3", appointmentId,
                AppointmentRole.PARTNERSHIP_ADMIN, partnershipId).firstResultOptional()
                .orElseThrow(() -> RuleViolation.notFound("appointment", appointmentId));
        access().requireMayAppointAdminsOf(partnershipId);
        return ended(a);
    }

    public Page<Appointment> partnershipAdmins(UUID partnershipId, PageRequest page, boolean includeEnded) {
        page.validate();
        requirePartnership(partnershipId);
        if (!access().seesAdminsOf(partnershipId)) {
            throw RuleViolation.forbidden("Only the partnership's admins see who administers it");
        }
        Criteria c = Criteria.where().and("role = :role", "role", AppointmentRole.PARTNERSHIP_ADMIN)
                .and("partnershipId = :partnershipId", "partnershipId", partnershipId);
        return Paging.page(page, includeEnded ? c : c.and("endedAt is null"), Appointment.class);
    }

    /**
     * The admin who creates a partnership is its first admin at once, without a new token: by their
     * practitioner record when the directory has one, else by their account (the bootstrap admin).
     */
    public void appointCreator(Partnership partnership) {
        UUID practitionerId = user.caller().practitioner()
                .filter(id -> Practitioner.findById(id) != null).orElse(null);
        made(Appointment.partnershipAdmin(practitionerId, practitionerId == null ? user.subject() : null, partnership.id,
                user.subject()));
    }

    // ---- school leads

    public Appointment appointSchoolLead(School given, UUID practitionerId) {
        School school = managed(given);
        access().requireMayAppointLeadsOf(school);
        Practitioner p = Practitioner.findById(practitionerId);
        if (!Appointment.eligibleAsSchoolLead(p, school)) {
            throw outsideScope(practitionerId, "at school " + school.urn);
        }
        requireNotHeld(Appointment.count("role = ?1 and practitionerId = ?2 and school = ?3 and endedAt is null",
                AppointmentRole.SCHOOL_LEAD, practitionerId, school));
        return made(Appointment.schoolLead(practitionerId, school, user.subject()));
    }

    public Appointment endSchoolLead(School given, UUID appointmentId) {
        School school = managed(given);
        Appointment a = Appointment.<Appointment>find("id = ?1 and role = ?2 and school = ?3", appointmentId,
                AppointmentRole.SCHOOL_LEAD, school).firstResultOptional()
                .orElseThrow(() -> RuleViolation.notFound("appointment", appointmentId));
        access().requireMayAppointLeadsOf(school);
        return ended(a);
    }

    public Page<Appointment> schoolLeads(School school, PageRequest page, boolean includeEnded) {
        page.validate();
        if (!access().seesLeadsOf(school)) {
            throw RuleViolation.forbidden("Only the school's leads and its partnerships' admins see who leads it");
        }
        Criteria c = Criteria.where().and("role = :role", "role", AppointmentRole.SCHOOL_LEAD)
                .and("school.id = :schoolId", "schoolId", school.id);
        return Paging.page(page, includeEnded ? c : c.and("endedAt is null"), Appointment.class);
    }

    // ---- following the holder

    /**
     * Ends the holder's appointments they no longer qualify for, in the transaction that changed them:
     * a move to another school ends the old school's lead appointment, a deactivation ends them all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endThoseNoLongerHeld(Practitioner holder) {
        List<Appointment> current = Appointment.list("practitionerId = ?1 and endedAt is null", holder.id);
        for (Appointment a : current) {
            if (!a.stillEligible(holder)) {
                ended(a);
            }
        }
    }

    /** The holder's current appointments (for their account's roles and claims). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Appointment> currentOf(UUID practitionerId) {
        return Appointment.list("practitionerId = ?1 and endedAt is null", practitionerId);
    }

    // ---- helpers

    private Appointment made(Appointment a) {
        a.persist();
        em.flush();
        appointmentAudit("appoint", a);
        events.appointmentMade(a);
        holderChanged(a);
        return a;
    }

    private Appointment ended(Appointment a) {
        if (a.end(user.subject())) {
            em.flush();
            appointmentAudit("end", a);
            events.appointmentEnded(a);
            holderChanged(a);
        }
        return a;
    }

    /** About the holder, in the partnership of the appointment (a school lead's: their school's partnerships). */
    private void appointmentAudit(String action, Appointment a) {
        var entry = audit.entry(action, "appointment", a.id).details(describe(a));
        if (a.practitionerId != null) {
            Practitioner holder = Practitioner.findById(a.practitionerId);
            entry.about(a.practitionerId, holder == null ? java.util.Set.of() : holder.partnerships());
        }
        entry.in(a.partnershipId);
        if (a.school != null) {
            entry.in(a.school.partnershipIds);
        }
        entry.record();
    }

    /** The holder's login follows: roles and claims. */
    private void holderChanged(Appointment a) {
        if (a.practitionerId != null) {
            Practitioner holder = Practitioner.findById(a.practitionerId);
            if (holder != null) {
                accounts.changed(holder);
            }
        }
    }

    private static String describe(Appointment a) {
        String of = a.role == AppointmentRole.SCHOOL_LEAD ? "school " + a.school.urn : "partnership " + a.partnershipId;
        String holder = a.practitionerId != null ? "practitioner " + a.practitionerId : "account " + a.accountSubject;
        return a.role + " of " + of + ": " + holder;
    }

    /** The school as this transaction sees it (the resource looked it up in its own). */
    private static School managed(School school) {
        School s = School.findById(school.id);
        if (s == null) {
            throw RuleViolation.notFound("school", school.id);
        }
        return s;
    }

    private static void requirePartnership(UUID id) {
        if (Partnership.findById(id) == null) {
            throw RuleViolation.notFound("partnership", id);
        }
    }

    private static void requireNotHeld(long current) {
        if (current > 0) {
            throw RuleViolation.conflict("already-appointed", "The practitioner holds this appointment already");
        }
    }

    /** Someone who is not an active practitioner of the scope: the same answer whether they exist elsewhere or not. */
    private static RuleViolation outsideScope(UUID practitionerId, String where) {
        return RuleViolation.unprocessable("appointee-outside-scope",
                "No active practitioner " + practitionerId + " " + where + " that you can appoint").with("field", "practitionerId");
    }

    private DirectoryAccess access() {
        return new DirectoryAccess(user.caller());
    }
}
