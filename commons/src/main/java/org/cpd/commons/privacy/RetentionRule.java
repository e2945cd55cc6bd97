package org.cpd.commons.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One kind of data a service keeps for a limited time (docs/data-protection.md, "Retention defaults"). A service
 * declares each of its kinds as a bean; {@link Retention} sweeps them on a schedule, audits what each sweep did,
 * and answers the dry run that partnership admins read.
 */
public interface RetentionRule {

    /** What the rule keeps, for how long, and what a sweep does: the same for the sweep, its audit and the report. */
    Policy policy();

    /** Counts only: what the next sweep would apply to in these partnerships, and the oldest of it. */
    Due due(Set<UUID> partnerships, Instant cutoff);

    /**
     * Applies the rule to at most {@code limit} items that are due, in the sweep's transaction; answers how many it
     * applied to and the partnerships they belonged to (for the audit entry's readers). Items applied to are no
     * longer due, so calling it again moves on.
     */
    Applied apply(Instant cutoff, Instant now, int limit);

    /**
     * @param kind         the kind's stable name in reports, audit entries and configuration, e.g. {@code confidential-notes}
     * @param retention    how long the kind is kept (a configuration key of the owning service)
     * @param countedFrom  what the period is counted from, in words, for the report (e.g. "the relationship closing")
     * @param outcome      what a sweep does to what is due, in words (e.g. "notes cleared; the conversation kept")
     * @param resourceType the audit catalogue's resource type of the sweep's entries
     */
    record Policy(String kind, Duration retention, String countedFrom, String outcome, String resourceType) {
    }

    /** What a dry run finds. {@code oldest} is when the oldest due item's period started; null when none is due. */
    record Due(long items, Instant oldest) {
        public static final Due NONE = new Due(0, null);
    }

    /** What one batch of a sweep applied to. */
    record Applied(long items, Set<UUID> partnerships) {
        public static final Applied NONE = new Applied(0, Set.of());
    }
}
