package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.InvalidFields;
import org.cpd.directory.domain.MentoringPurpose;
import org.cpd.directory.domain.OfferWithLoad;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupportOffer;
import org.cpd.directory.domain.Term;
import org.cpd.directory.domain.Weekday;
import org.cpd.directory.domain.WorkMode;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.repository.SupportLedgerQueries;

/** Publishing, changing, pausing and resuming what support a practitioner offers. */
@ApplicationScoped
@Transactional
public class SupportOfferService {

    /** One offered form: how many learners at once, and the training or accreditation held for it. */
    public record FormCapacity(SupportForm form, int capacity, String accreditation) {
    }

    /** The whole offer (it replaces the previous one); null sets mean none. */
    public record OfferDetails(List<FormCapacity> forms, Set<MentoringPurpose> mentoringPurposes, Set<String> expertiseCodes,
                               Set<Term> terms, Set<Weekday> weekdays, Set<WorkMode> workModes, String profile) {
    }

    @Inject
    CurrentUser user;

    @Inject
    SupportLedgerQueries ledger;

    @Inject
    PractitionerService practitioners;

    @Inject
    ExpertiseService expertise;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    EntityManager em;

    /** Creates the offer (no If-Match needed) or replaces it (If-Match required). */
    public OfferWithLoad put(UUID practitionerId, String ifMatch, OfferDetails in) {
        Practitioner p = practitioners.visible(practitionerId);
        requireEditor(p);
        if (!p.active) {
            throw RuleViolation.conflict("practitioner-inactive", "A deactivated practitioner cannot offer support");
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
        if (created) {
            events.supportOfferPublished(offer);
        } else {
            events.supportOfferChanged(offer);
        }
        if (created || !capacitiesBefore.equals(offer.capacityByForm())) {
            events.capacityChanged(offer);
        }
        return withLoad(offer);
    }

    public OfferWithLoad pause(UUID practitionerId, String ifMatch, boolean paused) {
        Practitioner p = practitioners.visible(practitionerId);
        requireEditor(p);
        SupportOffer offer = find(practitionerId);
        ETags.requireMatch(ifMatch, offer);
        if (offer.paused != paused) {
            offer.paused = paused;
            em.flush();
            if (paused) {
                events.supportOfferPaused(offer);
            } else {
                events.supportOfferResumed(offer);
            }
            events.capacityChanged(offer);
        }
        return withLoad(offer);
    }

    /**
     * The offer of a person who left (deactivated, or merged into another record) is paused: it is no longer
     * offered, and the offer feed shows the change. Coming back does not resume it: the person does.
     */
    public void pausedWithItsOwner(UUID practitionerId) {
        SupportOffer offer = SupportOffer.findById(practitionerId);
        if (offer != null && !offer.paused) {
            offer.paused = true;
            em.flush();
            events.supportOfferPaused(offer);
            events.capacityChanged(offer);
        }
    }

    public OfferWithLoad offer(UUID practitionerId) {
        return withLoad(find(practitionerId));
    }

    private SupportOffer find(UUID practitionerId) {
        practitioners.visible(practitionerId);
        return SupportOffer.<SupportOffer>findByIdOptional(practitionerId)
                .orElseThrow(() -> RuleViolation.notFound("support offer of practitioner", practitionerId));
    }

    private OfferWithLoad withLoad(SupportOffer offer) {
        return new OfferWithLoad(offer, ledger.load(offer.id));
    }

    public Page<OfferWithLoad> list(PageRequest page) {
        page.validate();
        Set<UUID> mine = user.caller().partnershipIds();
        Criteria c = Criteria.where();
        if (!mine.isEmpty()) {
            c.and("id in (select p.id from Practitioner p where array_intersects(p.partnershipIds, :mine))")
                    .param("mine", mine.toArray(UUID[]::new));
        } else {
            throw RuleViolation.forbidden("Your token names no partnership");
        }
        return Paging.page(page, c, SupportOffer.class).map(this::withLoad);
    }

    /** The person edits their own offer; their school's lead and the partnership's admins may too. */
    private void requireEditor(Practitioner p) {
        if (!new DirectoryAccess(user.caller()).editsOfferOf(p)) {
            throw RuleViolation.forbidden("Only the practitioner (or their school's lead) may change their support offer");
        }
    }

    private void validate(OfferDetails in) {
        InvalidFields.Collector errors = InvalidFields.collect();
        Map<SupportForm, Integer> seen = new EnumMap<>(SupportForm.class);
        for (int i = 0; i < in.forms().size(); i++) {
            FormCapacity f = in.forms().get(i);
            if (seen.put(f.form(), i) != null) {
                errors.add("forms[" + i + "].form", "offers " + f.form() + " twice");
            }
        }
        boolean mentoring = seen.containsKey(SupportForm.MENTORING);
        Set<MentoringPurpose> purposes = in.mentoringPurposes() == null ? Set.of() : in.mentoringPurposes();
        if (!mentoring && !purposes.isEmpty()) {
            errors.add("mentoringPurposes", "only meaningful when MENTORING is offered");
        }
        if (mentoring && purposes.isEmpty()) {
            errors.add("mentoringPurposes", "say which purposes of mentoring are offered");
        }
        Set<String> unknown = expertise.unknown(in.expertiseCodes());
        if (!unknown.isEmpty()) {
            errors.add("expertiseCodes", "not in the expertise taxonomy: " + String.join(", ", unknown));
        }
        errors.throwIfAny();
    }

    private static void apply(SupportOffer offer, OfferDetails in) {
        Map<SupportForm, SupportOffer.FormOffer> forms = new EnumMap<>(SupportForm.class);
        for (FormCapacity f : in.forms()) {
            forms.put(f.form(), new SupportOffer.FormOffer(f.capacity(), f.accreditation()));
        }
        offer.offerForms(forms);
        offer.mentoringPurposes = Enums.names(in.mentoringPurposes());
        offer.expertiseCodes = in.expertiseCodes() == null ? new String[0]
                : in.expertiseCodes().stream().sorted().distinct().toArray(String[]::new);
        offer.terms = Enums.names(in.terms());
        offer.weekdays = Enums.names(in.weekdays());
        offer.workModes = Enums.names(in.workModes());
        offer.profile = in.profile();
    }
}
