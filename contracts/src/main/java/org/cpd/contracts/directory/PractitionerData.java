package org.cpd.contracts.directory;

import java.util.Set;
import java.util.UUID;

/**
 * Data of practitioner-registered / -updated / -deactivated and line-management-changed events (.v2,
 * cpd.directory.events, subject and key = id). Only what consumers need to place and match a person: no
 * name, no email, no TRN (a consumer that shows a name asks directory-service, which applies its access
 * rules; the topic's history then holds nothing an erasure would have to reach).
 *
 * @param schoolUrn      6-digit URN of the practitioner's school, null for people of an organisation
 * @param organisationId university/consultancy the practitioner belongs to, null for school staff
 * @param careerStage    TRAINEE, EARLY_CAREER_TEACHER, TEACHER, MIDDLE_LEADER, SENIOR_LEADER, HEADTEACHER, EXTERNAL_SPECIALIST
 * @param lineManagerIds who line-manages this practitioner (buffer zone for coaching)
 * @param appraiserIds   who appraises this practitioner (buffer zone for coaching)
 */
public record PractitionerData(
        UUID id,
        String schoolUrn,
        UUID organisationId,
        Set<UUID> partnershipIds,
        String careerStage,
        boolean active,
        Set<UUID> lineManagerIds,
        Set<UUID> appraiserIds) {
}
