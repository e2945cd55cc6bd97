package org.cpd.relationships.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.relationships.config.RelationshipsConfig;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.repository.RelationshipRepository;

/**
 * A proposal nobody answers does not sit forever: a reminder event goes out before it expires,
 * then it expires. Runs on a schedule; {@link #sweep(Instant)} is the unit of work (tests call it
 * with a chosen clock). Concurrent sweeps on several instances skip rows another one holds.
 */
@ApplicationScoped
public class ProposalExpiry {

    @Inject
    RelationshipRepository relationships;

    @Inject
    RelationshipPublisher events;

    @Inject
    RelationshipsConfig config;

    /** What one sweep did. */
    public record Result(int reminded, int expired) {
    }

    @Scheduled(every = "${cpd.relationships.sweep-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sweep(TrackedEntity.now());
    }

    @Transactional
    public Result sweep(Instant now) {
        int expired = 0;
        for (Relationship r : relationships.proposalsExpired(now)) {
            r.expire(now);
            events.lifecycle(r, RelationshipEvents.EXPIRED);
            expired++;
        }
        int reminded = 0;
        for (Relationship r : relationships.proposalsDueForReminder(now.plus(config.proposalReminderBefore()))) {
            r.reminderSentAt = now;
            events.lifecycle(r, RelationshipEvents.PROPOSAL_REMINDER);
            reminded++;
        }
        return new Result(reminded, expired);
    }
}
