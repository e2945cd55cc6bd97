package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.api.dto.PartnershipDtos.PartnershipInput;
import org.cpd.directory.api.dto.SchoolDtos.OrganisationInput;
import org.cpd.directory.api.dto.SchoolDtos.SchoolInput;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SchoolPhase;
import org.cpd.directory.events.DirectoryEventPublisher;

/** Partnerships, schools and organisations: the places practitioners belong to. */
@ApplicationScoped
@Transactional
public class OrganisationStructureService {

    @Inject
    Access access;

    @Inject
    DirectoryEventPublisher events;

    // ---- partnerships

    public Partnership createPartnership(PartnershipInput in) {
        if (!access.isAdmin()) {
            throw Problems.forbidden("Only a partnership admin may create partnerships");
        }
        Partnership p = new Partnership();
        apply(p, in);
        p.persist();
        events.partnership("partnership-created", p);
        return p;
    }

    public Partnership updatePartnership(UUID id, String ifMatch, PartnershipInput in) {
        Partnership p = partnership(id);
        access.requireAdminOf(Set.of(id));
        ETags.requireMatch(ifMatch, p);
        apply(p, in);
        Partnership.flush();
        events.partnership("partnership-updated", p);
        return p;
    }

    private static void apply(Partnership p, PartnershipInput in) {
        p.name = in.name().trim();
        p.kind = in.kind();
        p.description = in.description();
    }

    public Partnership partnership(UUID id) {
        Partnership p = Partnership.findById(id);
        if (p == null) {
            throw Problems.notFound("partnership", id);
        }
        return p;
    }

    public Page<Partnership> partnerships(PageRequest page) {
        page.validate();
        return Paging.page(page, Criteria.where(), Partnership.class);
    }

    // ---- schools

    public School registerSchool(SchoolInput in) {
        requirePartnershipsExist(in.partnershipIds());
        access.requireAdminOfAll(in.partnershipIds());
        if (School.count("urn", in.urn()) > 0) {
            throw Problems.conflict("duplicate-urn", "A school with URN " + in.urn() + " is already registered")
                    .with("urn", in.urn());
        }
        School s = new School();
        s.urn = in.urn();
        applySchool(s, in);
        s.persist();
        events.school("school-registered", s);
        return s;
    }

    public School updateSchool(UUID id, String ifMatch, SchoolInput in) {
        School s = school(id);
        access.requireAdminOf(s.partnershipIds);
        ETags.requireMatch(ifMatch, s);
        if (!s.urn.equals(in.urn())) {
            throw Problems.invalidField("urn", "a school's URN cannot change; register the new school instead");
        }
        requirePartnershipsExist(in.partnershipIds());
        Set<UUID> added = new LinkedHashSet<>(in.partnershipIds());
        added.removeAll(s.partnershipIds);
        access.requireAdminOfAll(added);
        boolean membershipChanged = !s.partnershipIds.equals(in.partnershipIds());
        applySchool(s, in);
        s.updatedAt = School.now(); // collection-only changes must still move updatedAt and the version
        School.flush();
        events.school("school-updated", s);
        if (membershipChanged) {
            // Practitioners' partnerships follow their school's: consumers learn it per practitioner.
            List<Practitioner> staff = Practitioner.list("school", s);
            for (Practitioner p : staff) {
                p.placeAt(s, p.organisation);
                p.touch();
                events.practitioner("practitioner-updated", p);
            }
        }
        return s;
    }

    private static void applySchool(School s, SchoolInput in) {
        s.name = in.name().trim();
        s.phase = in.phase();
        s.localAuthority = in.localAuthority();
        s.partnershipIds.clear();
        s.partnershipIds.addAll(in.partnershipIds());
    }

    public School school(UUID id) {
        School s = School.findById(id);
        if (s == null) {
            throw Problems.notFound("school", id);
        }
        return s;
    }

    public School schoolByUrn(String urn) {
        School s = School.find("urn", urn).firstResult();
        if (s == null) {
            throw Problems.notFound("school with URN", urn);
        }
        return s;
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

    public Organisation registerOrganisation(OrganisationInput in) {
        requirePartnershipsExist(in.partnershipIds());
        access.requireAdminOfAll(in.partnershipIds());
        Organisation o = new Organisation();
        applyOrganisation(o, in);
        o.persist();
        events.organisation("organisation-registered", o);
        return o;
    }

    public Organisation updateOrganisation(UUID id, String ifMatch, OrganisationInput in) {
        Organisation o = organisation(id);
        access.requireAdminOf(o.partnershipIds);
        ETags.requireMatch(ifMatch, o);
        requirePartnershipsExist(in.partnershipIds());
        applyOrganisation(o, in);
        o.updatedAt = Organisation.now();
        Organisation.flush();
        events.organisation("organisation-updated", o);
        return o;
    }

    private static void applyOrganisation(Organisation o, OrganisationInput in) {
        o.name = in.name().trim();
        o.kind = in.kind();
        o.website = in.website();
        o.partnershipIds.clear();
        o.partnershipIds.addAll(in.partnershipIds());
    }

    public Organisation organisation(UUID id) {
        Organisation o = Organisation.findById(id);
        if (o == null) {
            throw Problems.notFound("organisation", id);
        }
        return o;
    }

    public Page<Organisation> organisations(PageRequest page, UUID partnershipId) {
        page.validate();
        Criteria c = Criteria.where().and(":partnershipId member of partnershipIds", "partnershipId", partnershipId);
        return Paging.page(page, c, Organisation.class);
    }

    private static void requirePartnershipsExist(Set<UUID> ids) {
        long found = Partnership.count("id in ?1", ids);
        if (found != ids.size()) {
            throw Problems.invalidField("partnershipIds", "names a partnership that does not exist");
        }
    }

    static Problem notVisible(String what, Object id) {
        return Problems.notFound(what, id);
    }
}
