package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.relationships.repository.ClosedRelationshipQueries;

/**
 * Retention of closed relationships (docs/data-protection.md, "Retention defaults"): a configured time (six years by
 * default) after a relationship ended it is kept only as anonymised statistics, marked {@code anonymisedAt}, so the
 * partnership and school insight views count it as before while nothing written about people remains. Swept and
 * reported by commons' {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class ClosedRelationshipsRetention extends ConfiguredRetentionRule {

    @Inject
    ClosedRelationshipQueries queries;

    public ClosedRelationshipsRetention() {
        super("closed-relationships", "P2190D",
                "the relationship ending (closed, declined, withdrawn or expired)",
                "kept as anonymised statistics: summaries, notes, action points, agreement texts and superseded versions, "
                        + "reasons and who-did-what labels removed; form, status, dates, participants by id and school, "
                        + "conversations' times, durations and agenda owners kept",
                "relationship");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.dueIn(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.anonymiseDue(cutoff, now, limit);
    }
}
