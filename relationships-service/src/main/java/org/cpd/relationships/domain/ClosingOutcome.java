package org.cpd.relationships.domain;

/** How a relationship ended: kept apart so reports never count an early end as a completion. */
public enum ClosingOutcome {
    COMPLETED_AS_PLANNED,
    ENDED_EARLY
}
