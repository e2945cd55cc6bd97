package org.cpd.contracts.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of appointment-made / appointment-ended events (cpd.directory.events, subject and key = id):
 * who holds which office. No name, no e-mail: consumers join on the practitioner id.
 *
 * @param role           SCHOOL_LEAD (then schoolUrn is set) or PARTNERSHIP_ADMIN (then partnershipId is set)
 * @param practitionerId the holder; null only for a partnership's creator who has no practitioner record
 * @param schoolUrn      6-digit URN of the school led, null for partnership admins
 * @param partnershipId  partnership administered, null for school leads
 * @param appointedAt    when the appointment began
 * @param endedAt        when it ended, null while it runs
 */
public record AppointmentData(
        UUID id,
        String role,
        UUID practitionerId,
        String schoolUrn,
        UUID partnershipId,
        Instant appointedAt,
        Instant endedAt) {
}
