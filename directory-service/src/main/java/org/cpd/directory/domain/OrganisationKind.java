package org.cpd.directory.domain;

/** Bodies other than schools that specialist coaches may come from. */
public enum OrganisationKind {
    UNIVERSITY, CONSULTANCY, LOCAL_AUTHORITY, TEACHING_SCHOOL_HUB, OTHER
}
