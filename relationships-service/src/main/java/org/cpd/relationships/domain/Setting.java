package org.cpd.relationships.domain;

/** Where a learning conversation happens (the seeds' "where"). */
public enum Setting {
    OWN_WORKPLACE,
    QUIET_SPACE,
    OBSERVATION_IN_ANOTHER_CLASSROOM,
    REMOTE
}
