package org.cpd.directory.domain;

import org.cpd.commons.security.Roles;

/** The offices the directory records, and the realm role each one gives its holder. */
public enum AppointmentRole {
    /** Leads one school: manages its staff records. */
    SCHOOL_LEAD(Roles.SCHOOL_LEAD),
    /** Administers one partnership: its schools, organisations, people and appointments. */
    PARTNERSHIP_ADMIN(Roles.PARTNERSHIP_ADMIN);

    private final String realmRole;

    AppointmentRole(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }
}
