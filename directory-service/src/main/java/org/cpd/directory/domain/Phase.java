package org.cpd.directory.domain;

/** Phases a practitioner teaches. */
public enum Phase {
    EARLY_YEARS, PRIMARY, SECONDARY, POST_16
}
