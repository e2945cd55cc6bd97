package org.cpd.contracts.relationships;

import java.util.UUID;

/** A party to a relationship; role is SUPPORTER or LEARNER (mentoring, specialist coaching) or PEER (co-coaching). */
public record ParticipantData(UUID practitionerId, String role, String schoolUrn) {
}
