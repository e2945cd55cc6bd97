package org.cpd.directory.domain;

/** The three forms of support of the framework. */
public enum SupportForm {
    MENTORING, SPECIALIST_COACHING, CO_COACHING;

    /**
     * Buffer zones: a line manager or appraiser may not coach the people they manage or appraise
     * (docs/architecture.md#rule-2-buffer-zones).
     */
    public boolean hasBufferZone() {
        return this != MENTORING;
    }
}
