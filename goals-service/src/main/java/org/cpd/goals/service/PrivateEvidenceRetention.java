package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.goals.repository.RetentionQueries;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention of private evidence (docs/data-protection.md): evidence only its owner sees (visibility PRIVATE) is
 * deleted a configured time after its last change, with its attachments and their large objects. Shared evidence
 * is not this rule's: it goes with its goals ({@link FinishedGoalsRetention}). Swept and reported by commons'
 * {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class PrivateEvidenceRetention implements RetentionRule {

    @Inject
    RetentionQueries queries;

    @ConfigProperty(name = "cpd.retention.private-evidence", defaultValue = "P2190D")
    Duration retention;

    @Override
    public Policy policy() {
        return new Policy("private-evidence", retention,
                "the evidence's last change",
                "evidence seen by its owner only deleted with its attachments and their files",
                "evidence");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.privateEvidenceDue(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.deletePrivateEvidence(cutoff, limit).applied();
    }
}
