package org.cpd.relationships.domain;

/** The three forms of support of the framework. */
public enum SupportForm {
    MENTORING,
    SPECIALIST_COACHING,
    CO_COACHING;

    /** Co-coaching is between peers: nobody holds a supporter's slot, so capacity does not apply. */
    public boolean hasSupporter() {
        return this != CO_COACHING;
    }

    /** Buffer zone (docs/architecture.md#rule-2-buffer-zones): line managers and appraisers may not coach their own staff. */
    public boolean forbidsLineManager() {
        return this != MENTORING;
    }
}
