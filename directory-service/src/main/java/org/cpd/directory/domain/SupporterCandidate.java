package org.cpd.directory.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A supporter as search and matching see them: the public profile, the offer and the current load.
 * Built from one query row; no entity, so ranking thousands stays cheap.
 */
public record SupporterCandidate(
        UUID id,
        String fullName,
        CareerStage careerStage,
        Set<String> subjects,
        Set<String> phases,
        Set<UUID> partnershipIds,
        UUID schoolId,
        String schoolUrn,
        String schoolName,
        UUID organisationId,
        String profile,
        Map<SupportForm, SupportOffer.FormOffer> forms,
        Map<SupportForm, Integer> load,
        Set<String> mentoringPurposes,
        Set<String> expertiseCodes,
        Set<String> terms,
        Set<String> weekdays,
        Set<String> workModes,
        Instant offerUpdatedAt) {

    public int capacity(SupportForm form) {
        SupportOffer.FormOffer offer = forms.get(form);
        return offer == null ? 0 : offer.capacity();
    }

    public int load(SupportForm form) {
        return load.getOrDefault(form, 0);
    }

    public int freeCapacity(SupportForm form) {
        return Math.max(0, capacity(form) - load(form));
    }
}
