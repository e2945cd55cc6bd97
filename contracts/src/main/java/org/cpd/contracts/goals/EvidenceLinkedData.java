package org.cpd.contracts.goals;

import java.util.UUID;

/** Existing evidence was linked to one more goal of the same owner. */
public record EvidenceLinkedData(UUID evidenceId, UUID goalId, UUID ownerId) {
}
