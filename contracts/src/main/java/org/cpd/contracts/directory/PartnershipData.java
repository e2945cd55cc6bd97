package org.cpd.contracts.directory;

import java.util.UUID;

/** Data of partnership-created / partnership-updated events; kind is ITE or REGIONAL_CPD. */
public record PartnershipData(UUID id, String name, String kind) {
}
