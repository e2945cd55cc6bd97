package org.cpd.directory.domain;

/** What a partnership exists for. */
public enum PartnershipKind {
    /** Initial Teacher Education: a lead school or university with placement schools. */
    ITE,
    /** A regional partnership for continuing professional development. */
    REGIONAL_CPD
}
