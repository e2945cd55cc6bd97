package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.DirectoryAccess.ListingScope;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.IdentityResolution;
import org.cpd.directory.domain.InvalidFields;
import org.cpd.directory.domain.LineManagement;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.Subject;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.events.SupportLedger;
import org.cpd.directory.domain.PractitionerMerge;
import org.cpd.directory.repository.PractitionerQueries;
import org.hibernate.exception.ConstraintViolationException;

/** Registering, changing and deactivating practitioners, and their management links. */
@ApplicationScoped
@Transactional
public class PractitionerService {

    /** A practitioner to register, or the new state of one: at a school (by URN) or an organisation. */
    public record PractitionerDetails(String fullName, String email, String trn, String schoolUrn, UUID organisationId,
                                      CareerStage careerStage, Set<Subject> subjects, Set<Phase> phases) {
    }

    /** Who line-manages and who appraises a practitioner (both lists replaced). */
    public record ManagementLinks(Set<UUID> lineManagerIds, Set<UUID> appraiserIds) {
    }

    /** A practitioner the caller may see, and whether they may see the private fields too. */
    public record Visible(Practitioner practitioner, boolean privateFields, AccountState account) {
    }

    public record Filter(String schoolUrn, UUID partnershipId, UUID organisationId, CareerStage careerStage,
                         Boolean active, String email, String trn) {
    }

    @Inject
    CurrentUser user;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    PractitionerQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    AppointmentService appointments;

    @Inject
    AccountProvisioning accounts;

    @Inject
    EntityManager em;

    @Inject
    SupportLedger ledger;

    @Inject
    SupportOfferService offers;

    public Practitioner register(PractitionerDetails in) {
        Placement placement = placement(in);
        if (!access().placesAt(placement.school(), placement.partnerships())) {
            throw RuleViolation.forbidden("Only a lead of the practitioner's school or a partnership admin may register practitioners");
        }
        requireUnique(in.email(), in.trn(), null);
        Practitioner p = new Practitioner();
        apply(p, in, placement);
        p.persist();
        flushUnique();
        events.practitionerRegistered(p);
        accounts.changed(p);
        return p;
    }

    public Practitioner update(UUID id, String ifMatch, PractitionerDetails in) {
        Practitioner p = visible(id);
        Placement placement = placement(in);
        boolean identityChanged = !Identifiers.normaliseEmail(in.email()).equals(Identifiers.normaliseEmail(p.email))
                || !Objects.equals(in.trn(), p.trn) || !Objects.equals(idOf(placement.school()), idOf(p.school))
                || !Objects.equals(idOfOrg(placement.organisation()), idOfOrg(p.organisation)) || in.careerStage() != p.careerStage;
        access().requireMayUpdate(p, identityChanged, placement.school(), placement.partnerships());
        ETags.requireMatch(ifMatch, p);
        PractitionerMerge.requireNotMerged(p);
        requireUnique(in.email(), in.trn(), p.id);
        apply(p, in, placement);
        p.touch();
        flushUnique();
        audit.entry("update", "practitioner", p.id).about(p.id, p.partnerships()).record();
        events.practitionerUpdated(p);
        appointments.endThoseNoLongerHeld(p);
        accounts.changed(p);
        return p;
    }

    public Practitioner deactivate(UUID id, String ifMatch) {
        Practitioner p = visible(id);
        if (!access().managesPractitioner(p)) {
            throw RuleViolation.forbidden("Only a lead of the practitioner's school or a partnership admin may deactivate them");
        }
        ETags.requireMatch(ifMatch, p);
        if (!p.active) {
            return p;
        }
        p.deactivate(TrackedEntity.now());
        p.touch();
        em.flush();
        audit.entry("deactivate", "practitioner", p.id).about(p.id, p.partnerships()).record();
        events.practitionerDeactivated(p);
        offers.pausedWithItsOwner(p.id);
        appointments.endThoseNoLongerHeld(p);
        accounts.changed(p);
        return p;
    }

    /**
     * Merges two records of one person (docs/adr/0017-merges-and-tombstones.md): the survivor takes the retired
     * record's missing TRN and MIS staff ids, its management links, reports, relationships and time given; the
     * retired record is deactivated (its appointments end, its login is disabled, its support offer is paused)
     * and names the survivor. Both records must be the caller's to merge, or the one that is not is a 404.
     */
    public Practitioner merge(UUID survivorId, String ifMatch, UUID retiredId) {
        PractitionerMerge.requireDifferent(survivorId, retiredId);
        DirectoryAccess access = access();
        // both rows locked in id order: concurrent merges of the same records wait for each other, and see the first
        Practitioner survivor;
        Practitioner retired;
        if (survivorId.compareTo(retiredId) < 0) {
            survivor = mergeable(survivorId, access);
            retired = mergeable(retiredId, access);
        } else {
            retired = mergeable(retiredId, access);
            survivor = mergeable(survivorId, access);
        }
        ETags.requireMatch(ifMatch, survivor);
        PractitionerMerge.requireMergeable(survivor, retired);
        boolean wasActive = retired.active;
        String trn = PractitionerMerge.trnToTake(survivor, retired);
        Set<UUID> managers = PractitionerMerge.union(survivor.lineManagerIds, retired.lineManagerIds, survivorId, retiredId);
        Set<UUID> appraisers = PractitionerMerge.union(survivor.appraiserIds, retired.appraiserIds, survivorId, retiredId);
        PractitionerMerge.retire(retired, survivorId, TrackedEntity.now());
        retired.touch();
        em.flush(); // the TRN leaves the retired record before the survivor takes it
        if (trn != null) {
            survivor.trn = trn;
        }
        survivor.lineManagerIds.clear();
        survivor.lineManagerIds.addAll(managers);
        survivor.appraiserIds.clear();
        survivor.appraiserIds.addAll(appraisers);
        survivor.touch();
        List<Practitioner> reports = queries.linkedTo(retiredId);
        for (Practitioner report : reports) {
            Set<UUID> m = PractitionerMerge.repointed(report.lineManagerIds, report.id, survivorId, retiredId);
            Set<UUID> a = PractitionerMerge.repointed(report.appraiserIds, report.id, survivorId, retiredId);
            report.lineManagerIds.clear();
            report.lineManagerIds.addAll(m);
            report.appraiserIds.clear();
            report.appraiserIds.addAll(a);
            report.touch();
        }
        flushUnique();
        Optional<List<UUID>> cycle = LineManagement.cycle(survivorId, survivor.lineManagerIds, queries::lineManagersOf);
        if (cycle.isPresent()) {
            throw RuleViolation.conflict("management-cycle", "After the merge line management would go round in a circle")
                    .with("cycle", cycle.get());
        }
        queries.moveMisStaffIds(retiredId, survivorId);
        ledger.merge(retiredId, survivorId);
        offers.pausedWithItsOwner(retiredId);
        audit.entry("merge", "practitioner", survivorId).about(survivorId, survivor.partnerships()).record();
        audit.entry("merge", "practitioner", retiredId).about(retiredId, retired.partnerships()).record();
        if (wasActive) {
            events.practitionerDeactivated(retired);
        }
        events.practitionerMerged(retired, survivor);
        events.practitionerUpdated(survivor);
        for (Practitioner report : reports) {
            if (!report.id.equals(survivorId)) {
                events.lineManagementChanged(report);
            }
        }
        appointments.endThoseNoLongerHeld(retired);
        accounts.changed(retired);
        accounts.changed(survivor);
        return survivor;
    }

    /** A record the caller may merge; 404 for one they may not, as for one they cannot see. */
    private Practitioner mergeable(UUID id, DirectoryAccess access) {
        Practitioner p = em.find(Practitioner.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !access.mergesRecordOf(p)) {
            throw RuleViolation.notFound("practitioner", id);
        }
        return p;
    }

    public Practitioner replaceLinks(UUID id, String ifMatch, ManagementLinks in) {
        Practitioner p = visible(id);
        if (!access().managesPractitioner(p)) {
            throw RuleViolation.forbidden("Only a lead of the practitioner's school or a partnership admin may change management links");
        }
        ETags.requireMatch(ifMatch, p);
        PractitionerMerge.requireNotMerged(p);
        InvalidFields.Collector errors = InvalidFields.collect();
        if (LineManagement.isSelfLink(id, in.lineManagerIds())) {
            errors.add("lineManagerIds", "a practitioner cannot be their own line manager");
        }
        if (LineManagement.isSelfLink(id, in.appraiserIds())) {
            errors.add("appraiserIds", "a practitioner cannot be their own appraiser");
        }
        Set<UUID> related = new HashSet<>(in.lineManagerIds());
        related.addAll(in.appraiserIds());
        related.remove(id);
        Set<UUID> known = queries.activeInPartnerships(related, p.partnerships());
        for (UUID missing : related) {
            if (!known.contains(missing)) {
                errors.add(in.lineManagerIds().contains(missing) ? "lineManagerIds" : "appraiserIds",
                        "no active practitioner " + missing + " in the same partnership");
            }
        }
        errors.throwIfAny();
        Optional<List<UUID>> cycle = LineManagement.cycle(id, in.lineManagerIds(), queries::lineManagersOf);
        if (cycle.isPresent()) {
            throw RuleViolation.conflict("management-cycle", "Line management would go round in a circle")
                    .with("cycle", cycle.get());
        }
        boolean changed = !p.lineManagerIds.equals(in.lineManagerIds()) || !p.appraiserIds.equals(in.appraiserIds());
        if (changed) {
            p.lineManagerIds.clear();
            p.lineManagerIds.addAll(in.lineManagerIds());
            p.appraiserIds.clear();
            p.appraiserIds.addAll(in.appraiserIds());
            p.touch();
            em.flush();
            audit.entry("update", "line-management", p.id).about(p.id, p.partnerships()).record();
            events.lineManagementChanged(p);
        }
        return p;
    }

    /** The practitioner if the caller may see at least the public profile; otherwise 404 (existence is not revealed). */
    public Practitioner visible(UUID id) {
        Practitioner p = Practitioner.findById(id);
        if (p == null || !access().seesPublicProfile(p)) {
            throw RuleViolation.notFound("practitioner", id);
        }
        return p;
    }

    /**
     * The record, with the private fields for those who may see them (their reads are audited). One statement
     * and no transaction of its own: it writes nothing (the read's audit entry is written behind).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Visible read(UUID id) {
        PractitionerQueries.PractitionerRead found = queries.read(id).orElse(null); // the one statement of the read
        DirectoryAccess access = access();
        if (found == null || !access.seesPublicProfile(found.practitioner())) {
            throw RuleViolation.notFound("practitioner", id);
        }
        Practitioner p = found.practitioner();
        boolean privateFields = access.seesPrivateFields(p);
        if (privateFields && !access.isSelf(id)) {
            audit.entry("read", "practitioner", id).about(id, p.partnerships()).record();
        }
        return new Visible(p, privateFields, privateFields ? found.accountState() : null);
    }

    /**
     * Full records for those who manage them: admins see their partnerships, school leads and MIS
     * clients their schools. Practitioners search supporters instead.
     */
    public Page<Practitioner> list(PageRequest page, Filter f) {
        page.validate();
        Criteria c = Criteria.where()
                .and("school.urn = :urn", "urn", f.schoolUrn())
                .and("array_contains(partnershipIds, :partnershipId)", "partnershipId", f.partnershipId())
                .and("organisation.id = :organisationId", "organisationId", f.organisationId())
                .and("careerStage = :stage", "stage", f.careerStage())
                .and("active = :active", "active", f.active())
                .and("lower(email) = :email", "email", Identifiers.normaliseEmail(f.email()))
                .and("trn = :trn", "trn", f.trn());
        ListingScope scope = access().listingScope();
        if (scope instanceof ListingScope.Partnerships mine) {
            c.and("array_intersects(partnershipIds, :mine)").param("mine", mine.ids().toArray(UUID[]::new));
        } else if (scope instanceof ListingScope.Schools mine) {
            c.and("school.urn in :myUrns").param("myUrns", mine.urns());
        }
        return queries.page(page, c); // one statement for the page and every link it shows
    }

    // ---- helpers

    private static UUID idOf(School s) {
        return s == null ? null : s.id;
    }

    private static UUID idOfOrg(Organisation o) {
        return o == null ? null : o.id;
    }

    record Placement(School school, Organisation organisation) {
        Set<UUID> partnerships() {
            Set<UUID> ids = new LinkedHashSet<>();
            if (school != null) {
                ids.addAll(school.partnershipIds);
            }
            if (organisation != null) {
                ids.addAll(organisation.partnershipIds);
            }
            return ids;
        }
    }

    private Placement placement(PractitionerDetails in) {
        if ((in.schoolUrn() == null) == (in.organisationId() == null)) {
            InvalidFields.collect()
                    .add("schoolUrn", "give exactly one of schoolUrn or organisationId")
                    .add("organisationId", "give exactly one of schoolUrn or organisationId")
                    .throwIfAny();
        }
        if (in.schoolUrn() != null) {
            School s = School.find("urn", in.schoolUrn()).firstResult();
            if (s == null) {
                throw RuleViolation.invalidField("schoolUrn", "no school with URN " + in.schoolUrn() + " is registered");
            }
            return new Placement(s, null);
        }
        Organisation o = Organisation.findById(in.organisationId());
        if (o == null) {
            throw RuleViolation.invalidField("organisationId", "no organisation " + in.organisationId() + " is registered");
        }
        return new Placement(null, o);
    }

    private static void apply(Practitioner p, PractitionerDetails in, Placement placement) {
        p.fullName = in.fullName().trim();
        p.email = in.email().trim();
        p.trn = in.trn();
        p.careerStage = in.careerStage();
        p.subjects = Enums.names(in.subjects());
        p.phases = Enums.names(in.phases());
        p.placeAt(placement.school(), placement.organisation());
    }

    /**
     * Friendly 409s for the common case; the unique indexes catch concurrent duplicates (see flushUnique).
     * A holder the caller may not manage is named by nothing but the field (docs/adr/0014-tenant-safe-identity-matching.md).
     */
    private void requireUnique(String email, String trn, UUID self) {
        DirectoryAccess access = access();
        Optional<Practitioner> byEmail = queries.holderOfEmail(email, self);
        if (byEmail.isPresent()) {
            throw IdentityResolution.outsideScope(access, byEmail.get())
                    ? outsideScope("email")
                    : RuleViolation.conflict("duplicate-email", "Another practitioner already has this email").with("field", "email");
        }
        Optional<Practitioner> byTrn = queries.holderOfTrn(trn, self);
        if (byTrn.isPresent()) {
            throw IdentityResolution.outsideScope(access, byTrn.get())
                    ? outsideScope("trn")
                    : RuleViolation.conflict("duplicate-trn", "Another practitioner already has TRN " + trn).with("field", "trn");
        }
    }

    private static RuleViolation outsideScope(String field) {
        return RuleViolation.conflict(IdentityResolution.OUTSIDE_SCOPE_SLUG, "The " + field + " " + IdentityResolution.OUTSIDE_SCOPE)
                .with("field", field);
    }

    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw RuleViolation.conflict("duplicate-practitioner", "Another practitioner has this email or TRN");
            }
            throw e;
        }
    }

    private DirectoryAccess access() {
        return new DirectoryAccess(user.caller());
    }
}
