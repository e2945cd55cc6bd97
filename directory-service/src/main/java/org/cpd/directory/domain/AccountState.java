package org.cpd.directory.domain;

/** Where a practitioner's login stands, as the directory last saw it in Keycloak. */
public enum AccountState {
    /** Not created yet: provisioning is due (or retrying while Keycloak cannot be reached). */
    PENDING,
    /** Created and invited; the person has not yet verified their e-mail and set a password. */
    INVITED,
    /** The person can log in. */
    ACTIVE,
    /** Disabled because the practitioner is deactivated. */
    DISABLED
}
