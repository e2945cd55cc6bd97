package org.cpd.contracts.relationships;

import java.util.List;
import java.util.UUID;

/** A learning agreement version and who has signed it (no agreement text). */
public record AgreementData(UUID relationshipId, int version, List<UUID> signedBy, boolean signedByAll) {
}
