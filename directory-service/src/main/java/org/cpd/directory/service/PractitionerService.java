package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.api.dto.PractitionerDtos.LineManagementInput;
import org.cpd.directory.api.dto.PractitionerDtos.PractitionerInput;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.LineManagement;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.persistence.PractitionerQueries;
import org.hibernate.exception.ConstraintViolationException;

/** Registering, changing and deactivating practitioners, and their management links. */
@ApplicationScoped
@Transactional
public class PractitionerService {

    @Inject
    Access access;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    PractitionerQueries queries;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    public Practitioner register(PractitionerInput in) {
        Placement placement = placement(in);
        if (!(access.leadsSchool(placement.school()) || access.isAdminOfAny(placement.partnerships()))) {
            throw Problems.forbidden("Only a lead of the practitioner's school or a partnership admin may register practitioners");
        }
        requireUnique(in.email(), in.trn(), null);
        Practitioner p = new Practitioner();
        apply(p, in, placement);
        p.persist();
        flushUnique();
        events.practitioner("practitioner-registered", p);
        return p;
    }

    public Practitioner update(UUID id, String ifMatch, PractitionerInput in) {
        Practitioner p = visible(id);
        Placement placement = placement(in);
        boolean manages = access.managesPractitioner(p);
        if (!manages) {
            if (!access.isSelf(id)) {
                throw Problems.forbidden("Only the practitioner, a lead of their school or a partnership admin may change this record");
            }
            // Identity and employment facts are the school's to change; the profile is the person's own.
            boolean identityChanged = !Identifiers.normaliseEmail(in.email()).equals(Identifiers.normaliseEmail(p.email))
                    || !Objects.equals(in.trn(), p.trn) || !Objects.equals(idOf(placement.school()), idOf(p.school))
                    || !Objects.equals(idOfOrg(placement.organisation()), idOfOrg(p.organisation)) || in.careerStage() != p.careerStage;
            if (identityChanged) {
                throw Problems.forbidden("Email, TRN, school, organisation and career stage are changed by a school lead");
            }
        } else if (!access.leadsSchool(placement.school()) && !access.isAdminOfAny(placement.partnerships())) {
            throw Problems.forbidden("You may not move a practitioner to a school or organisation you do not manage");
        }
        ETags.requireMatch(ifMatch, p);
        requireUnique(in.email(), in.trn(), p.id);
        apply(p, in, placement);
        p.touch();
        flushUnique();
        audit.record("update", "practitioner", p.id, null);
        events.practitioner("practitioner-updated", p);
        return p;
    }

    public Practitioner deactivate(UUID id, String ifMatch) {
        Practitioner p = visible(id);
        if (!access.managesPractitioner(p)) {
            throw Problems.forbidden("Only a lead of the practitioner's school or a partnership admin may deactivate them");
        }
        ETags.requireMatch(ifMatch, p);
        if (!p.active) {
            return p;
        }
        p.active = false;
        p.touch();
        em.flush();
        audit.record("deactivate", "practitioner", p.id, null);
        events.practitioner("practitioner-deactivated", p);
        return p;
    }

    public Practitioner replaceLinks(UUID id, String ifMatch, LineManagementInput in) {
        Practitioner p = visible(id);
        if (!access.managesPractitioner(p)) {
            throw Problems.forbidden("Only a lead of the practitioner's school or a partnership admin may change management links");
        }
        ETags.requireMatch(ifMatch, p);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (LineManagement.isSelfLink(id, in.lineManagerIds())) {
            errors.add(new Problem.FieldError("lineManagerIds", "a practitioner cannot be their own line manager"));
        }
        if (LineManagement.isSelfLink(id, in.appraiserIds())) {
            errors.add(new Problem.FieldError("appraiserIds", "a practitioner cannot be their own appraiser"));
        }
        Set<UUID> related = new HashSet<>(in.lineManagerIds());
        related.addAll(in.appraiserIds());
        related.remove(id);
        Set<UUID> known = queries.activeInPartnerships(related, p.partnerships());
        for (UUID missing : related) {
            if (!known.contains(missing)) {
                errors.add(new Problem.FieldError(in.lineManagerIds().contains(missing) ? "lineManagerIds" : "appraiserIds",
                        "no active practitioner " + missing + " in the same partnership"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        Optional<List<UUID>> cycle = LineManagement.cycle(id, in.lineManagerIds(), queries::lineManagersOf);
        if (cycle.isPresent()) {
            throw Problems.conflict("management-cycle", "Line management would go round in a circle")
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
            audit.record("update", "line-management", p.id, null);
            events.practitioner("line-management-changed", p);
        }
        return p;
    }

    /** The practitioner if the caller may see at least the public profile; otherwise 404 (existence is not revealed). */
    public Practitioner visible(UUID id) {
        Practitioner p = Practitioner.findById(id);
        if (p == null || !access.seesPublicProfile(p)) {
            throw Problems.notFound("practitioner", id);
        }
        return p;
    }

    public Practitioner read(UUID id) {
        Practitioner p = visible(id);
        if (access.seesPrivateFields(p) && !access.isSelf(id)) {
            audit.record("read", "practitioner", id, null);
        }
        return p;
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
        if (access.isAdmin() && !access.partnershipIds().isEmpty()) {
            c.and("array_intersects(partnershipIds, :mine)").param("mine", access.partnershipIds().toArray(UUID[]::new));
        } else if ((access.is(Roles.SCHOOL_LEAD) || access.is(Roles.MIS_INTEGRATION)) && !access.schoolUrns().isEmpty()) {
            c.and("school.urn in :myUrns").param("myUrns", access.schoolUrns());
        } else {
            throw Problems.forbidden("Listing practitioners is for partnership admins, school leads and MIS integrations; "
                    + "search supporters instead");
        }
        return Paging.page(page, c, Practitioner.class);
    }

    public record Filter(String schoolUrn, UUID partnershipId, UUID organisationId, CareerStage careerStage,
                         Boolean active, String email, String trn) {
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

    private Placement placement(PractitionerInput in) {
        if ((in.schoolUrn() == null) == (in.organisationId() == null)) {
            throw Problems.invalid(List.of(
                    new Problem.FieldError("schoolUrn", "give exactly one of schoolUrn or organisationId"),
                    new Problem.FieldError("organisationId", "give exactly one of schoolUrn or organisationId")));
        }
        if (in.schoolUrn() != null) {
            School s = School.find("urn", in.schoolUrn()).firstResult();
            if (s == null) {
                throw Problems.invalidField("schoolUrn", "no school with URN " + in.schoolUrn() + " is registered");
            }
            return new Placement(s, null);
        }
        Organisation o = Organisation.findById(in.organisationId());
        if (o == null) {
            throw Problems.invalidField("organisationId", "no organisation " + in.organisationId() + " is registered");
        }
        return new Placement(null, o);
    }

    private static void apply(Practitioner p, PractitionerInput in, Placement placement) {
        p.fullName = in.fullName().trim();
        p.email = in.email().trim();
        p.trn = in.trn();
        p.careerStage = in.careerStage();
        p.subjects = Enums.names(in.subjects());
        p.phases = Enums.names(in.phases());
        p.placeAt(placement.school(), placement.organisation());
    }

    /** Friendly 409s for the common case; the unique indexes catch concurrent duplicates (see flushUnique). */
    private void requireUnique(String email, String trn, UUID self) {
        if (queries.emailTaken(email, self)) {
            throw Problems.conflict("duplicate-email", "Another practitioner already has this email").with("field", "email");
        }
        if (trn != null && queries.trnTaken(trn, self)) {
            throw Problems.conflict("duplicate-trn", "Another practitioner already has TRN " + trn).with("field", "trn");
        }
    }

    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw Problems.conflict("duplicate-practitioner", "Another practitioner has this email or TRN");
            }
            throw e;
        }
    }
}
