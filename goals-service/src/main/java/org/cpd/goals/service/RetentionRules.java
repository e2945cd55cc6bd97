package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.goals.repository.RetentionQueries;

/**
 * goals-service's retention rules (docs/data-protection.md), each no more than its queries in {@link RetentionQueries}.
 * Swept and reported by commons' {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class RetentionRules {

    /**
     * Finished goals: a goal in a final status (achieved, revised or discontinued) is deleted a configured time after
     * its last change, with its reviews and action plans and with the evidence linked to it alone that has not changed
     * since the cutoff (attachments and large objects included); evidence also linked to a goal that stays, or changed
     * since, only loses its link. A goal in progress is never due, however old. No event is published: no other
     * service keeps goal state from cpd.goals.events (docs/events.md), and the contracts have no deletion event.
     */
    @Produces
    @Singleton
    RetentionRule finishedGoals(RetentionQueries queries) {
        return ConfiguredRetentionRule.of("finished-goals", "P2190D",
                "the goal's last change (achieved, revised or discontinued)",
                "goal deleted with its reviews and the evidence linked to it alone, their attachments and files; "
                        + "other evidence unlinked",
                "goal", queries::finishedGoalsDue, (cutoff, now, limit) -> queries.deleteFinishedGoals(cutoff, limit).applied());
    }

    /**
     * Private evidence: evidence only its owner sees (visibility PRIVATE) is deleted a configured time after its last
     * change, with its attachments and their large objects. Shared evidence is not this rule's: it goes with its goals
     * ({@link #finishedGoals}).
     */
    @Produces
    @Singleton
    RetentionRule privateEvidence(RetentionQueries queries) {
        return ConfiguredRetentionRule.of("private-evidence", "P2190D", "the evidence's last change",
                "evidence seen by its owner only deleted with its attachments and their files", "evidence",
                queries::privateEvidenceDue, (cutoff, now, limit) -> queries.deletePrivateEvidence(cutoff, limit).applied());
    }
}
