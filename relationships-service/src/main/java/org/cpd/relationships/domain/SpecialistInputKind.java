package org.cpd.relationships.domain;

/** The specialist input co-coaches embed in daily practice. */
public enum SpecialistInputKind {
    COURSE,
    CONSULTANT,
    DEMONSTRATION,
    TEXT
}
