package org.cpd.directory.domain;

/** Learners a supporter supports now, per form (from relationship events). */
public record SupporterLoad(int mentoring, int specialistCoaching, int coCoaching) {

    public static final SupporterLoad NONE = new SupporterLoad(0, 0, 0);

    public int of(SupportForm form) {
        return switch (form) {
            case MENTORING -> mentoring;
            case SPECIALIST_COACHING -> specialistCoaching;
            case CO_COACHING -> coCoaching;
        };
    }
}
