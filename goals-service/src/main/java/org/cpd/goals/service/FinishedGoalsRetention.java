package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.goals.repository.RetentionQueries;

/**
 * Retention of finished goals (docs/data-protection.md): a goal in a final status (achieved, revised or
 * discontinued) is deleted a configured time after its last change, with its reviews and action plans and with
 * the evidence linked to it alone that has not changed since the cutoff (attachments and large objects included);
 * evidence also linked to a goal that stays, or changed since, only loses its link. A goal in progress is never
 * due, however old. No event is published: no other service keeps goal state from cpd.goals.events
 * (docs/events.md), and the contracts have no deletion event. Swept and reported by commons'
 * {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class FinishedGoalsRetention extends ConfiguredRetentionRule {

    @Inject
    RetentionQueries queries;

    public FinishedGoalsRetention() {
        super("finished-goals", "P2190D",
                "the goal's last change (achieved, revised or discontinued)",
                "goal deleted with its reviews and the evidence linked to it alone, their attachments and files; "
                        + "other evidence unlinked",
                "goal");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.finishedGoalsDue(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.deleteFinishedGoals(cutoff, limit).applied();
    }
}
