package org.cpd.relationships.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What the rules need to know about a practitioner, taken from the directory read model. {@code mergedInto}
 * names the record a merged-away practitioner now is (null for everyone else).
 */
public record Person(UUID id, boolean active, String schoolUrn, Set<UUID> partnershipIds,
                     Set<UUID> lineManagerIds, Set<UUID> appraiserIds, UUID mergedInto) {

    public Person(UUID id, boolean active, String schoolUrn, Set<UUID> partnershipIds,
                  Set<UUID> lineManagerIds, Set<UUID> appraiserIds) {
        this(id, active, schoolUrn, partnershipIds, lineManagerIds, appraiserIds, null);
    }

    public Person {
        partnershipIds = partnershipIds == null ? Set.of() : Set.copyOf(partnershipIds);
        lineManagerIds = lineManagerIds == null ? Set.of() : Set.copyOf(lineManagerIds);
        appraiserIds = appraiserIds == null ? Set.of() : Set.copyOf(appraiserIds);
    }

    /** Is {@code other} this person's line manager or appraiser? */
    public boolean isManagedBy(UUID other) {
        return lineManagerIds.contains(other) || appraiserIds.contains(other);
    }
}
