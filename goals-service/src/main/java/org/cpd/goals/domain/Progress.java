package org.cpd.goals.domain;

/** Progress judgement recorded at a review of a goal. */
public enum Progress {
    NOT_STARTED, BEGINNING, DEVELOPING, SECURE, ACHIEVED
}
