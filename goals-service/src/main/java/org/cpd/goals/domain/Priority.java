package org.cpd.goals.domain;

/** Whether a goal answers a school priority, an individual one, or both. */
public enum Priority {
    SCHOOL, INDIVIDUAL, BOTH
}
