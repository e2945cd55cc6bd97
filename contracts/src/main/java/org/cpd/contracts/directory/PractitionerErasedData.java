package org.cpd.contracts.directory;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Data of practitioner-erased events (cpd.directory.events, subject and key = practitionerId): a person's data was
 * erased in the directory at the request of a partnership admin (UK GDPR, docs/data-protection.md); every consumer
 * erases what it holds of the person. No name, no e-mail, no identifier but the practitioner's id.
 *
 * @param practitionerId the person erased (the id is kept, anonymised, so statistics still count them)
 * @param erasureId      the directory's erasure record; consumers keep it on their own record of the erasure
 * @param requestedAt    when the erasure was requested
 * @param partnershipIds the person's partnerships when they were erased (who may read each service's status)
 */
public record PractitionerErasedData(
        UUID practitionerId,
        UUID erasureId,
        Instant requestedAt,
        Set<UUID> partnershipIds) {
}
