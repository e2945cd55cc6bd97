package org.cpd.contracts.directory;

import java.util.Set;
import java.util.UUID;

/** Data of school-registered / school-updated events (subject and key = id). */
public record SchoolData(UUID id, String urn, String name, String phase, String localAuthority, Set<UUID> partnershipIds) {
}
