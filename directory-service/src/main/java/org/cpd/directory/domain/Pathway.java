package org.cpd.directory.domain;

/**
 * The progression of the framework: being coached, then co-coaching, then coaching others as a
 * specialist, then mentoring. A step is reached by taking that part in a relationship that became active.
 */
public enum Pathway {
    BEING_COACHED, CO_COACH, SPECIALIST_COACH, MENTOR;

    /** The step a relationship role in a form stands for, or null if it is not a pathway step. */
    public static Pathway stepOf(String form, String role) {
        if ("SPECIALIST_COACHING".equals(form) && "LEARNER".equals(role)) {
            return BEING_COACHED;
        }
        if ("CO_COACHING".equals(form) && "PEER".equals(role)) {
            return CO_COACH;
        }
        if ("SPECIALIST_COACHING".equals(form) && "SUPPORTER".equals(role)) {
            return SPECIALIST_COACH;
        }
        if ("MENTORING".equals(form) && "SUPPORTER".equals(role)) {
            return MENTOR;
        }
        return null;
    }
}
