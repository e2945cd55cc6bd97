package org.cpd.goals.domain;

/** The three forms of support, as relationship events name them (an insight view's filter). */
public enum SupportForm {
    MENTORING,
    SPECIALIST_COACHING,
    CO_COACHING
}
