package org.cpd.contracts.directory;

import java.util.Set;
import java.util.UUID;

/**
 * Data of practitioner-registered / -updated / -deactivated and line-management-changed events
 * (cpd.directory.events, subject and key = id). Public directory facts only: no email, no TRN.
 *
 * @param schoolUrn      6-digit URN of the practitioner's school, null for people of an organisation
 * @param organisationId university/consultancy the practitioner belongs to, null for school staff
 * @param careerStage    TRAINEE, EARLY_CAREER_TEACHER, TEACHER, MIDDLE_LEADER, SENIOR_LEADER, HEADTEACHER, EXTERNAL_SPECIALIST
 * @param lineManagerIds who line-manages this practitioner (buffer zone for coaching)
 * @param appraiserIds   who appraises this practitioner (buffer zone for coaching)
 */
public record PractitionerData(
        UUID id,
        String fullName,
        String schoolUrn,
        UUID organisationId,
        Set<UUID> partnershipIds,
        String careerStage,
        boolean active,
        Set<UUID> lineManagerIds,
        Set<UUID> appraiserIds) {
}
