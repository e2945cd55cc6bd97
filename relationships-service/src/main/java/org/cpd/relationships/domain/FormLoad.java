package org.cpd.relationships.domain;

/**
 * A supporter's declared capacity for one form against their load (pending and active
 * relationships count, docs/architecture.md#rule-4-capacity).
 */
public record FormLoad(SupportForm form, int capacity, boolean paused, long load) {

    /** Places still open: none while the offer is paused. */
    public long free() {
        return paused ? 0 : Math.max(0, capacity - load);
    }
}
