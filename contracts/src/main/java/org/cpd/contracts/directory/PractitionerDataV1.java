package org.cpd.contracts.directory;

import java.util.Set;
import java.util.UUID;

/**
 * Data of the .v1 practitioner-registered / -updated / -deactivated and line-management-changed events,
 * which also carried the person's full name to every consumer of the topic. No longer published (the .v2
 * types carry {@link PractitionerData}, without the name); consumers still read it from the topic's history.
 *
 * @param schoolUrn      6-digit URN of the practitioner's school, null for people of an organisation
 * @param organisationId university/consultancy the practitioner belongs to, null for school staff
 * @param careerStage    TRAINEE, EARLY_CAREER_TEACHER, TEACHER, MIDDLE_LEADER, SENIOR_LEADER, HEADTEACHER, EXTERNAL_SPECIALIST
 * @param lineManagerIds who line-manages this practitioner (buffer zone for coaching)
 * @param appraiserIds   who appraises this practitioner (buffer zone for coaching)
 */
public record PractitionerDataV1(
        UUID id,
        String fullName,
        String schoolUrn,
        UUID organisationId,
        Set<UUID> partnershipIds,
        String careerStage,
        boolean active,
        Set<UUID> lineManagerIds,
        Set<UUID> appraiserIds) {

    /** The same facts as a .v2 payload: the name is dropped. */
    public PractitionerData withoutName() {
        return new PractitionerData(id, schoolUrn, organisationId, partnershipIds, careerStage, active, lineManagerIds,
                appraiserIds);
    }
}
