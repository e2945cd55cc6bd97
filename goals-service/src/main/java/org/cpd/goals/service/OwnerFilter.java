package org.cpd.goals.service;

import java.util.UUID;

/**
 * The {@code owner} filter of goal and evidence lists: the caller's own items ({@code me}), one
 * learner's, or, when absent, everything the caller may see.
 */
public record OwnerFilter(boolean me, UUID practitionerId) {

    public static final OwnerFilter ANYONE = new OwnerFilter(false, null);
    public static final OwnerFilter ME = new OwnerFilter(true, null);

    public static OwnerFilter of(UUID practitionerId) {
        return new OwnerFilter(false, practitionerId);
    }
}
