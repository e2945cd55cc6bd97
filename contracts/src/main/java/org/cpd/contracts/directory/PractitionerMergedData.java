package org.cpd.contracts.directory;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Data of practitioner-merged events (cpd.directory.events, subject and key = retiredId, so the event follows
 * the retired record's own deactivation in its stream). Two records of one person became one: the retired id
 * now stands for the survivor. Ids only, no name.
 *
 * @param retiredId      the record that was merged away; it stays, deactivated, naming the survivor
 * @param survivorId     the record that remains
 * @param partnershipIds the survivor's partnerships
 * @param mergedAt       when the merge was made
 */
public record PractitionerMergedData(
        UUID retiredId,
        UUID survivorId,
        Set<UUID> partnershipIds,
        Instant mergedAt) {
}
