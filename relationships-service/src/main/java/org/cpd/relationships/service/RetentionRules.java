package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.relationships.repository.ClosedRelationshipQueries;
import org.cpd.relationships.repository.RetentionQueries;

/**
 * relationships-service's retention rules (docs/data-protection.md, "Retention defaults"), each no more than its
 * queries. Swept and reported by commons' {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class RetentionRules {

    /**
     * Closed relationships: a configured time (six years by default) after a relationship ended it is kept only as
     * anonymised statistics, marked {@code anonymisedAt}, so the partnership and school insight views count it as
     * before while nothing written about people remains.
     */
    @Produces
    @Singleton
    RetentionRule closedRelationships(ClosedRelationshipQueries queries) {
        return ConfiguredRetentionRule.of("closed-relationships", "P2190D",
                "the relationship ending (closed, declined, withdrawn or expired)",
                "kept as anonymised statistics: summaries, notes, action points, agreement texts and superseded versions, "
                        + "reasons and who-did-what labels removed; form, status, dates, participants by id and school, "
                        + "conversations' times, durations and agenda owners kept",
                "relationship", queries::dueIn, queries::anonymiseDue);
    }

    /**
     * Confidential notes: a note is kept for the reflection it serves, then cleared a configured time after its
     * relationship ended; the conversation (when, with whom, its shared summary) stays.
     */
    @Produces
    @Singleton
    RetentionRule confidentialNotes(RetentionQueries queries) {
        return ConfiguredRetentionRule.of("confidential-notes", "P365D",
                "the relationship closing (closed, declined, withdrawn or expired)", "notes cleared; the conversation kept",
                "conversation", queries::dueIn, queries::clearDue);
    }
}
