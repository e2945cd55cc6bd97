package org.cpd.directory.domain;

/** How a staff sync ended. */
public enum StaffSyncStatus {
    /** Every row was applied (or, in a dry run, would be). */
    COMPLETED,
    /** The usable rows were applied, the rejected ones were not. */
    COMPLETED_WITH_REJECTIONS,
    /** Atomic and at least one row was rejected: nothing was written. */
    ABORTED
}
