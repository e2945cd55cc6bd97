package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.relationships.repository.RetentionQueries;

/**
 * Retention of confidential notes (docs/data-protection.md): a note is kept for the reflection it serves, then
 * cleared a configured time after its relationship ended; the conversation (when, with whom, its shared summary)
 * stays. Swept and reported by commons' {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class ConfidentialNotesRetention extends ConfiguredRetentionRule {

    @Inject
    RetentionQueries queries;

    public ConfidentialNotesRetention() {
        super("confidential-notes", "P365D",
                "the relationship closing (closed, declined, withdrawn or expired)",
                "notes cleared; the conversation kept",
                "conversation");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.dueIn(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.clearDue(cutoff, now, limit);
    }
}
