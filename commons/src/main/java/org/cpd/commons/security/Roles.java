package org.cpd.commons.security;

/** Realm roles of the `cpd` realm. */
public final class Roles {
    public static final String PARTNERSHIP_ADMIN = "partnership-admin";
    public static final String SCHOOL_LEAD = "school-lead";
    public static final String PRACTITIONER = "practitioner";
    public static final String MIS_INTEGRATION = "mis-integration";

    private Roles() {
    }
}
