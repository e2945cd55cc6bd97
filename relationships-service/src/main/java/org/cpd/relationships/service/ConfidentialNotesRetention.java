package org.cpd.relationships.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.relationships.config.RelationshipsConfig;
import org.cpd.relationships.repository.RetentionQueries;

/**
 * Retention of confidential notes (docs/data-protection.md): a note is kept for the reflection it serves, then
 * cleared a configured time after its relationship ended; the conversation (when, with whom, its shared summary)
 * stays. A sweep clears what is due and audits how much; an admin reads the same figures for their partnerships
 * first, as a dry run. {@link #sweep(Instant)} is the unit of work (tests call it with a chosen clock).
 */
@ApplicationScoped
public class ConfidentialNotesRetention {

    /** What a sweep or a dry run found, for one kind of data. */
    public record Report(String kind, Duration retention, Instant cutoff, long due, Instant oldestEnd, boolean enforced) {
    }

    @Inject
    RetentionQueries queries;

    @Inject
    RelationshipsConfig config;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Scheduled(every = "${cpd.relationships.retention-every:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.retentionEnabled()) {
            sweep(TrackedEntity.now());
        }
    }

    /** Clears every note past retention; answers how many conversations lost theirs. */
    @Transactional
    public int sweep(Instant now) {
        Instant cutoff = now.minus(config.confidentialNotesRetention());
        int cleared = queries.clearDue(cutoff, now);
        if (cleared > 0) {
            audit.entry("delete", "conversation", "retention").because("retention of confidential notes")
                    .details(cleared + " conversations' confidential notes cleared: their relationship ended before "
                            + cutoff + " (retention " + config.confidentialNotesRetention() + ")")
                    .record();
        }
        return cleared;
    }

    /** The dry run for a partnership admin: what the next sweep would clear in their partnerships. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(Instant now) {
        Caller caller = user.caller();
        if (!caller.isPartnershipAdmin()) {
            throw RuleViolation.forbidden("Only a partnership admin reads the retention report");
        }
        Set<UUID> partnerships = new LinkedHashSet<>(caller.partnershipIds());
        Instant cutoff = now.minus(config.confidentialNotesRetention());
        RetentionQueries.Due due = queries.dueIn(partnerships, cutoff);
        return new Report("confidential-notes", config.confidentialNotesRetention(), cutoff, due.conversations(),
                due.oldestEnd(), config.retentionEnabled());
    }
}
