package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.domain.Versioned;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.OrganisationKind;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.PartnershipKind;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SchoolPhase;
import org.cpd.directory.events.DirectoryEventPublisher;

/** Partnerships, schools and organisations: the places practitioners belong to. */
@ApplicationScoped
@Transactional
public class OrganisationStructureService {

    public record PartnershipDetails(String name, PartnershipKind kind, String description) {
    }

    public record SchoolDetails(String urn, String name, SchoolPhase phase, String localAuthority, Set<UUID> partnershipIds) {
    }

    public record OrganisationDetails(String name, OrganisationKind kind, String website, Set<UUID> partnershipIds) {
    }

    @Inject
    CurrentUser user;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    AppointmentService appointments;

    @Inject
    AccountProvisioning accounts;

    // ---- partnerships

    public Partnership createPartnership(PartnershipDetails in) {
        access().requireAdmin("Only a partnership admin may create partnerships");
        Partnership p = new Partnership();
        apply(p, in);
        p.persist();
        events.partnershipCreated(p);
        appointments.appointCreator(p);
        return p;
    }

    public Partnership updatePartnership(UUID id, String ifMatch, PartnershipDetails in) {
        Partnership p = partnership(id);
        requireMayChange(p, Set.of(id), ifMatch);
        apply(p, in);
        Partnership.flush();
        events.partnershipUpdated(p);
        return p;
    }

    private static void apply(Partnership p, PartnershipDetails in) {
        p.name = in.name().trim();
        p.kind = in.kind();
        p.description = in.description();
    }

    public Partnership partnership(UUID id) {
        return Partnership.<Partnership>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("partnership", id));
    }

    public Page<Partnership> partnerships(PageRequest page) {
        page.validate();
        return Paging.page(page, Criteria.where(), Partnership.class);
    }

    // ---- schools

    public School registerSchool(SchoolDetails in) {
        requireMayRegisterIn(in.partnershipIds());
        if (School.count("urn", in.urn()) > 0) {
            throw RuleViolation.conflict("duplicate-urn", "A school with URN " + in.urn() + " is already registered")
                    .with("urn", in.urn());
        }
        School s = new School();
        s.urn = in.urn();
        apply(s, in);
        s.partnershipIds.addAll(in.partnershipIds());
        s.persist();
        events.schoolRegistered(s);
        return s;
    }

    public School updateSchool(UUID id, String ifMatch, SchoolDetails in) {
        School s = school(id);
        requireMayChange(s, s.partnershipIds, ifMatch);
        if (!s.urn.equals(in.urn())) {
            throw RuleViolation.invalidField("urn", "a school's URN cannot change; register the new school instead");
        }
        boolean membershipChanged = changeMemberships(s.partnershipIds, in.partnershipIds());
        apply(s, in);
        s.updatedAt = School.now(); // collection-only changes must still move updatedAt and the version
        School.flush();
        events.schoolUpdated(s);
        if (membershipChanged) {
            // Practitioners' partnerships follow their school's: consumers learn it per practitioner.
            List<Practitioner> staff = Practitioner.list("school", s);
            for (Practitioner p : staff) {
                p.placeAt(s, p.organisation);
                p.touch();
                events.practitionerUpdated(p);
                accounts.changed(p);
            }
        }
        return s;
    }

    private static void apply(School s, SchoolDetails in) {
        s.name = in.name().trim();
        s.phase = in.phase();
        s.localAuthority = in.localAuthority();
    }

    public School school(UUID id) {
        return School.<School>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("school", id));
    }

    public School schoolByUrn(String urn) {
        return School.<School>find("urn", urn).firstResultOptional()
                .orElseThrow(() -> RuleViolation.notFound("school with URN", urn));
    }

    public Page<School> schools(PageRequest page, UUID partnershipId, String urn, SchoolPhase phase) {
        page.validate();
        Criteria c = Criteria.where()
                .and(":partnershipId member of partnershipIds", "partnershipId", partnershipId)
                .and("urn = :urn", "urn", urn)
                .and("phase = :phase", "phase", phase);
        return Paging.page(page, c, School.class);
    }

    // ---- organisations

    public Organisation registerOrganisation(OrganisationDetails in) {
        requireMayRegisterIn(in.partnershipIds());
        Organisation o = new Organisation();
        apply(o, in);
        o.partnershipIds.addAll(in.partnershipIds());
        o.persist();
        events.organisationRegistered(o);
        return o;
    }

    public Organisation updateOrganisation(UUID id, String ifMatch, OrganisationDetails in) {
        Organisation o = organisation(id);
        requireMayChange(o, o.partnershipIds, ifMatch);
        changeMemberships(o.partnershipIds, in.partnershipIds());
        apply(o, in);
        o.updatedAt = Organisation.now(); // collection-only changes must still move updatedAt and the version
        Organisation.flush();
        events.organisationUpdated(o);
        return o;
    }

    private static void apply(Organisation o, OrganisationDetails in) {
        o.name = in.name().trim();
        o.kind = in.kind();
        o.website = in.website();
    }

    public Organisation organisation(UUID id) {
        return Organisation.<Organisation>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("organisation", id));
    }

    public Page<Organisation> organisations(PageRequest page, UUID partnershipId) {
        page.validate();
        Criteria c = Criteria.where().and(":partnershipId member of partnershipIds", "partnershipId", partnershipId);
        return Paging.page(page, c, Organisation.class);
    }

    // ---- memberships, shared by schools and organisations

    /**
     * Replaces {@code current} with {@code requested}; true when it changed. Every partnership added or
     * removed must be one the caller administers (issue 10: an admin of one partnership could add another).
     */
    private boolean changeMemberships(Set<UUID> current, Set<UUID> requested) {
        requirePartnershipsExist(requested);
        access().requireMayChangeMemberships(Set.copyOf(current), requested);
        if (current.equals(requested)) {
            return false;
        }
        current.clear();
        current.addAll(requested);
        return true;
    }

    /** A new school or organisation joins only existing partnerships, each one the caller administers. */
    private void requireMayRegisterIn(Set<UUID> partnershipIds) {
        requirePartnershipsExist(partnershipIds);
        access().requireAdminOfAll(partnershipIds);
    }

    /** A change by an admin of one of the record's partnerships, to the version they read. */
    private void requireMayChange(Versioned record, Set<UUID> partnershipIds, String ifMatch) {
        access().requireAdminOfAny(partnershipIds);
        ETags.requireMatch(ifMatch, record);
    }

    private static void requirePartnershipsExist(Set<UUID> ids) {
        long found = Partnership.count("id in ?1", ids);
        if (found != ids.size()) {
            throw RuleViolation.invalidField("partnershipIds", "names a partnership that does not exist");
        }
    }

    private DirectoryAccess access() {
        return new DirectoryAccess(user.caller());
    }
}
