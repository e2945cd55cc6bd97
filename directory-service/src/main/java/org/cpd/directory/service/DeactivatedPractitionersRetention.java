package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.commons.privacy.Retention;
import org.cpd.directory.domain.Erasure;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.repository.RetentionQueries;

/**
 * Retention of deactivated people's records (docs/data-protection.md): six years after a person was deactivated
 * their record is erased exactly as an admin's erasure does it ({@link ErasureService#erase(Practitioner, String,
 * String)}): anonymised, unlinked, the erasure recorded with the sweep as its requester, and the
 * {@code practitioner-erased} event written to the outbox, so every service applies it. Each person is erased whole
 * in the sweep's transaction. Records merged into another are left alone ({@link RetentionQueries}).
 */
@ApplicationScoped
public class DeactivatedPractitionersRetention extends ConfiguredRetentionRule {

    /** The audit reason of an erasure the retention sweep did. */
    static final String REASON = "retention";

    @Inject
    RetentionQueries queries;

    @Inject
    ErasureService erasures;

    public DeactivatedPractitionersRetention() {
        super("deactivated-practitioners", "P2190D",
                "the person's deactivation",
                "erased as on request: the record anonymised, the erasure recorded and sent to every service; "
                        + "the id, school or organisation, partnerships and career stage kept",
                "practitioner");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.deactivatedIn(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        long erased = 0;
        Set<UUID> partnerships = new LinkedHashSet<>();
        for (UUID id : queries.lockDeactivated(cutoff, limit)) {
            Practitioner p = Practitioner.findById(id);
            if (Erasure.of(id).isPresent()) {
                continue; // erased on request since the due rows were read
            }
            partnerships.addAll(erasures.erase(p, Retention.ACTOR, REASON).partnerships());
            erased++;
        }
        return erased == 0 ? Applied.NONE : new Applied(erased, partnerships);
    }
}
