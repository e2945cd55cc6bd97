package org.cpd.contracts.directory;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Data of support-offer-published / -changed / -paused / -resumed and capacity-changed events
 * (subject and key = practitionerId: one offer per practitioner).
 *
 * @param capacityByForm learners at once per offered form (MENTORING, SPECIALIST_COACHING, CO_COACHING);
 *                       a form absent from the map is not offered
 * @param paused         a paused offer takes no new learners whatever its capacity
 */
public record SupportOfferData(
        UUID practitionerId,
        boolean paused,
        Map<String, Integer> capacityByForm,
        Set<String> mentoringPurposes,
        Set<String> expertiseCodes,
        Set<String> workModes) {
}
