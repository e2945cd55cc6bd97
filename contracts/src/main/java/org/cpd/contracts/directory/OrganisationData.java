package org.cpd.contracts.directory;

import java.util.Set;
import java.util.UUID;

/** Data of organisation-registered / organisation-updated events (universities, consultancies...). */
public record OrganisationData(UUID id, String name, String kind, Set<UUID> partnershipIds) {
}
