package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What support a practitioner offers. One per practitioner, sharing the practitioner's id.
 * A form is offered when its capacity is set (0 = offered but taking nobody new).
 */
@Entity
@Table(name = "support_offer")
public class SupportOffer extends TrackedEntity {

    /** One offered form: how many learners at once, and the training or accreditation held for it. */
    public record FormOffer(int capacity, String accreditation) {
    }

    public boolean paused;

    public String profile;

    public Integer mentoringCapacity;
    public Integer specialistCoachingCapacity;
    public Integer coCoachingCapacity;

    public String mentoringAccreditation;
    public String specialistCoachingAccreditation;
    public String coCoachingAccreditation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] mentoringPurposes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] expertiseCodes = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] terms = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] weekdays = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] workModes = new String[0];

    public static SupportOffer of(UUID practitionerId) {
        SupportOffer offer = new SupportOffer();
        offer.id = practitionerId;
        return offer;
    }

    public Map<SupportForm, FormOffer> forms() {
        Map<SupportForm, FormOffer> forms = new EnumMap<>(SupportForm.class);
        if (mentoringCapacity != null) {
            forms.put(SupportForm.MENTORING, new FormOffer(mentoringCapacity, mentoringAccreditation));
        }
        if (specialistCoachingCapacity != null) {
            forms.put(SupportForm.SPECIALIST_COACHING, new FormOffer(specialistCoachingCapacity, specialistCoachingAccreditation));
        }
        if (coCoachingCapacity != null) {
            forms.put(SupportForm.CO_COACHING, new FormOffer(coCoachingCapacity, coCoachingAccreditation));
        }
        return forms;
    }

    /** Replaces the offered forms; a form missing from {@code forms} is no longer offered. */
    public void offerForms(Map<SupportForm, FormOffer> forms) {
        FormOffer m = forms.get(SupportForm.MENTORING);
        FormOffer s = forms.get(SupportForm.SPECIALIST_COACHING);
        FormOffer c = forms.get(SupportForm.CO_COACHING);
        mentoringCapacity = m == null ? null : m.capacity();
        mentoringAccreditation = m == null ? null : m.accreditation();
        specialistCoachingCapacity = s == null ? null : s.capacity();
        specialistCoachingAccreditation = s == null ? null : s.accreditation();
        coCoachingCapacity = c == null ? null : c.capacity();
        coCoachingAccreditation = c == null ? null : c.accreditation();
    }

    /** Withdrawn for good (erasure): paused, no form offered, no profile, expertise or availability left. */
    public void withdraw() {
        paused = true;
        profile = null;
        offerForms(Map.of());
        mentoringPurposes = new String[0];
        expertiseCodes = new String[0];
        terms = new String[0];
        weekdays = new String[0];
        workModes = new String[0];
    }

    /** Capacities as the relationships context needs them (form name to learners at once). */
    public Map<String, Integer> capacityByForm() {
        Map<String, Integer> capacities = new java.util.TreeMap<>();
        forms().forEach((form, offer) -> capacities.put(form.name(), offer.capacity()));
        return capacities;
    }

    public static String capacityColumn(SupportForm form) {
        return switch (form) {
            case MENTORING -> "mentoring_capacity";
            case SPECIALIST_COACHING -> "specialist_coaching_capacity";
            case CO_COACHING -> "co_coaching_capacity";
        };
    }

    public static String loadColumn(SupportForm form) {
        return switch (form) {
            case MENTORING -> "mentoring";
            case SPECIALIST_COACHING -> "specialist_coaching";
            case CO_COACHING -> "co_coaching";
        };
    }
}
