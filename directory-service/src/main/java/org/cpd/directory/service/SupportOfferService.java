package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.api.dto.OfferDtos.LoadView;
import org.cpd.directory.api.dto.OfferDtos.OfferedForm;
import org.cpd.directory.api.dto.OfferDtos.SupportOfferInput;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.MentoringPurpose;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.events.DirectoryEventPublisher;

/** Publishing, changing, pausing and resuming what support a practitioner offers. */
@ApplicationScoped
@Transactional
public class SupportOfferService {

    @Inject
    Access access;

    @Inject
    PractitionerService practitioners;

    @Inject
    ExpertiseService expertise;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    EntityManager em;

    /** Creates the offer (no If-Match needed) or replaces it (If-Match required). */
    public SupportOffer put(UUID practitionerId, String ifMatch, SupportOfferInput in) {
        Practitioner p = practitioners.visible(practitionerId);
        requireEditor(p);
        if (!p.active) {
            throw Problems.conflict("practitioner-inactive", "A deactivated practitioner cannot offer support");
        }
        validate(in);
        SupportOffer offer = SupportOffer.findById(practitionerId);
        boolean created = offer == null;
        Map<String, Integer> capacitiesBefore = null;
        if (created) {
            offer = SupportOffer.of(practitionerId);
        } else {
            ETags.requireMatch(ifMatch, offer);
            capacitiesBefore = offer.capacityByForm();
        }
        apply(offer, in);
        if (created) {
            offer.persist();
        }
        em.flush();
        events.supportOffer(created ? "support-offer-published" : "support-offer-changed", offer);
        if (created || !capacitiesBefore.equals(offer.capacityByForm())) {
            events.supportOffer("capacity-changed", offer);
        }
        return offer;
    }

    public SupportOffer pause(UUID practitionerId, String ifMatch, boolean paused) {
        Practitioner p = practitioners.visible(practitionerId);
        requireEditor(p);
        SupportOffer offer = offer(practitionerId);
        ETags.requireMatch(ifMatch, offer);
        if (offer.paused != paused) {
            offer.paused = paused;
            em.flush();
            events.supportOffer(paused ? "support-offer-paused" : "support-offer-resumed", offer);
            events.supportOffer("capacity-changed", offer);
        }
        return offer;
    }

    public SupportOffer offer(UUID practitionerId) {
        practitioners.visible(practitionerId);
        SupportOffer offer = SupportOffer.findById(practitionerId);
        if (offer == null) {
            throw Problems.notFound("support offer of practitioner", practitionerId);
        }
        return offer;
    }

    public Page<SupportOffer> list(PageRequest page) {
        page.validate();
        Set<UUID> mine = access.partnershipIds();
        Criteria c = Criteria.where();
        if (!mine.isEmpty()) {
            c.and("id in (select p.id from Practitioner p where array_intersects(p.partnershipIds, :mine))")
                    .param("mine", mine.toArray(UUID[]::new));
        } else {
            throw Problems.forbidden("Your token names no partnership");
        }
        return Paging.page(page, c, SupportOffer.class);
    }

    public LoadView load(UUID practitionerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select mentoring, specialist_coaching, co_coaching from supporter_load where practitioner_id = ?1")
                .setParameter(1, practitionerId).getResultList();
        if (rows.isEmpty()) {
            return LoadView.NONE;
        }
        Object[] r = rows.get(0);
        return new LoadView(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue());
    }

    /** The person edits their own offer; their school's lead and the partnership's admins may too. */
    private void requireEditor(Practitioner p) {
        if (!access.isSelf(p.id) && !access.managesPractitioner(p)) {
            throw Problems.forbidden("Only the practitioner (or their school's lead) may change their support offer");
        }
    }

    private void validate(SupportOfferInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<SupportForm, Integer> seen = new EnumMap<>(SupportForm.class);
        for (int i = 0; i < in.forms().size(); i++) {
            OfferedForm f = in.forms().get(i);
            if (seen.put(f.form(), i) != null) {
                errors.add(new Problem.FieldError("forms[" + i + "].form", "offers " + f.form() + " twice"));
            }
        }
        boolean mentoring = seen.containsKey(SupportForm.MENTORING);
        Set<MentoringPurpose> purposes = in.mentoringPurposes() == null ? Set.of() : in.mentoringPurposes();
        if (!mentoring && !purposes.isEmpty()) {
            errors.add(new Problem.FieldError("mentoringPurposes", "only meaningful when MENTORING is offered"));
        }
        if (mentoring && purposes.isEmpty()) {
            errors.add(new Problem.FieldError("mentoringPurposes", "say which purposes of mentoring are offered"));
        }
        Set<String> unknown = expertise.unknown(in.expertiseCodes());
        if (!unknown.isEmpty()) {
            errors.add(new Problem.FieldError("expertiseCodes", "not in the expertise taxonomy: " + String.join(", ", unknown)));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private static void apply(SupportOffer offer, SupportOfferInput in) {
        Map<SupportForm, SupportOffer.FormOffer> forms = new EnumMap<>(SupportForm.class);
        for (OfferedForm f : in.forms()) {
            forms.put(f.form(), new SupportOffer.FormOffer(f.capacity(), f.accreditation()));
        }
        offer.offerForms(forms);
        offer.mentoringPurposes = Enums.names(in.mentoringPurposes());
        offer.expertiseCodes = in.expertiseCodes() == null ? new String[0]
                : in.expertiseCodes().stream().sorted().distinct().toArray(String[]::new);
        offer.terms = Enums.names(in.availability() == null ? null : in.availability().terms());
        offer.weekdays = Enums.names(in.availability() == null ? null : in.availability().weekdays());
        offer.workModes = Enums.names(in.workModes());
        offer.profile = in.profile();
    }
}
