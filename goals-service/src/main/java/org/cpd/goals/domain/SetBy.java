package org.cpd.goals.domain;

/** Who set a goal: the measure of the learner's growing self-direction. */
public enum SetBy {
    SUPPORTER_LED, SHARED, LEARNER_LED
}
