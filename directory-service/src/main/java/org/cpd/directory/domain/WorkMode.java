package org.cpd.directory.domain;

/** Where a supporter can work with a learner. */
public enum WorkMode {
    OWN_SCHOOL, PARTNERSHIP_TRAVEL, REMOTE
}
