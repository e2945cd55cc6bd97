package org.cpd.relationships.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle states; see {@link Lifecycle} for the allowed moves. */
public enum RelationshipStatus {
    PROPOSED,
    AGREEMENT_PENDING,
    ACTIVE,
    PAUSED,
    CLOSED,
    DECLINED,
    WITHDRAWN,
    EXPIRED;

    /** States that hold a supporter's slot and block a duplicate relationship. */
    public static final Set<RelationshipStatus> OPEN = EnumSet.of(PROPOSED, AGREEMENT_PENDING, ACTIVE, PAUSED);
}
