package org.cpd.directory.domain;

/** Whether people of the school absent from the file leave it. */
public enum StaffSyncMode {
    /** The file is the school's whole staff: anyone of the school not in it is deactivated. */
    FULL,
    /** The file only adds and changes people. */
    PARTIAL
}
