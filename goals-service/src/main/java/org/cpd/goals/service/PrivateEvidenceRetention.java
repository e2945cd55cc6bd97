package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.goals.repository.RetentionQueries;

/**
 * Retention of private evidence (docs/data-protection.md): evidence only its owner sees (visibility PRIVATE) is
 * deleted a configured time after its last change, with its attachments and their large objects. Shared evidence
 * is not this rule's: it goes with its goals ({@link FinishedGoalsRetention}). Swept and reported by commons'
 * {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class PrivateEvidenceRetention extends ConfiguredRetentionRule {

    @Inject
    RetentionQueries queries;

    public PrivateEvidenceRetention() {
        super("private-evidence", "P2190D",
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
