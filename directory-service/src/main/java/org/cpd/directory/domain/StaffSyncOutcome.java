package org.cpd.directory.domain;

/** What a staff sync did with a row. */
public enum StaffSyncOutcome {
    CREATED, UPDATED, UNCHANGED, DEACTIVATED, REJECTED
}
