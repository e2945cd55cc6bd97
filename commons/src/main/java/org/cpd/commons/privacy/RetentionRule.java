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

    /** The kind's stable name in reports, audit entries and configuration, e.g. {@code confidential-notes}. */
    String kind();

    /** How long the kind is kept (a configuration key of the owning service). */
    Duration retention();

    /** What the period is counted from, in words, for the report (e.g. "the relationship closing"). */
    String countedFrom();

    /** What a sweep does to what is due, in words, for the report (e.g. "notes cleared; the conversation kept"). */
    String outcome();

    /** The audit catalogue's resource type of the sweep's entries. */
    String resourceType();

    /** Counts only: what the next sweep would apply to in these partnerships, and the oldest of it. */
    Due due(Set<UUID> partnerships, Instant cutoff);

    /**
     * Applies the rule to at most {@code limit} items that are due, in the sweep's transaction; answers how many it
     * applied to and the partnerships they belonged to (for the audit entry's readers). Items applied to are no
     * longer due, so calling it again moves on.
     */
    Applied apply(Instant cutoff, Instant now, int limit);

    /** What a dry run finds. {@code oldest} is when the oldest due item's period started; null when none is due. */
    record Due(long items, Instant oldest) {
        public static final Due NONE = new Due(0, null);
    }

    /** What one batch of a sweep applied to. */
    record Applied(long items, Set<UUID> partnerships) {
        public static final Applied NONE = new Applied(0, Set.of());
    }
}
