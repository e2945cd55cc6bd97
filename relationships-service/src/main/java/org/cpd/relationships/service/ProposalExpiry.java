package org.cpd.relationships.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.persistence.RelationshipRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "cpd.relationships.proposal-reminder-before", defaultValue = "P3D")
    Duration reminderBefore;

    /** What one sweep did. */
    public record Result(int reminded, int expired) {
    }

    @Scheduled(every = "${cpd.relationships.sweep-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep(TrackedEntity.now());
    }

    @Transactional
    public Result sweep(Instant now) {
        int expired = 0;
        for (Relationship r : relationships.proposalsExpired(now)) {
            r.expire(now);
            events.lifecycle(r, "relationship-expired");
            expired++;
        }
        int reminded = 0;
        for (Relationship r : relationships.proposalsDueForReminder(now.plus(reminderBefore))) {
            r.reminderSentAt = now;
            events.lifecycle(r, "relationship-proposal-reminder");
            reminded++;
        }
        return new Result(reminded, expired);
    }
}
