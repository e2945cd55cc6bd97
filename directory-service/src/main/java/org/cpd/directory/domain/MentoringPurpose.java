package org.cpd.directory.domain;

/** Why mentoring is sought: a new school or profession, a new role, or a serious difficulty. */
public enum MentoringPurpose {
    INDUCTION, PROGRESSION, CHALLENGE
}
