package org.cpd.goals.domain;

/** Who besides the owner may see a goal or a piece of evidence. */
public enum Visibility {
    /** The owner only. */
    PRIVATE,
    /** The other participants of the linked relationships, while those relationships are active. */
    RELATIONSHIP,
    /** The school leads of one school the owner works in. */
    SCHOOL
}
