package org.cpd.relationships.domain;

/** Why mentoring is needed: a new teacher or school, a new role, or a serious difficulty. */
public enum MentoringPurpose {
    INDUCTION,
    PROGRESSION,
    CHALLENGE
}
