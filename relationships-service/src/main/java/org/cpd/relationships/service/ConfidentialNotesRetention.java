package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.relationships.repository.RetentionQueries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention of confidential notes (docs/data-protection.md): a note is kept for the reflection it serves, then
 * cleared a configured time after its relationship ended; the conversation (when, with whom, its shared summary)
 * stays. Swept and reported by commons' {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class ConfidentialNotesRetention implements RetentionRule {

    @Inject
    RetentionQueries queries;

    @ConfigProperty(name = "cpd.retention.confidential-notes", defaultValue = "P365D")
    Duration retention;

    @Override
    public Policy policy() {
        return new Policy("confidential-notes", retention,
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
