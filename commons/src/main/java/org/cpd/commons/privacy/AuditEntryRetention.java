package org.cpd.commons.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Audit entries are kept seven years, then expired in every service alike. The deletion goes through the
 * database's {@code audit_entry_expire} (V0_3), the one way past the append-only trigger, which itself refuses
 * any entry younger than a year.
 */
@ApplicationScoped
public class AuditEntryRetention extends ConfiguredRetentionRule {

    @Inject
    EntityManager em;

    public AuditEntryRetention() {
        super("audit-entries", "P2557D",
                "the entry",
                "entries deleted",
                "audit-entry");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), min(occurred_at) from audit_entry
                        where occurred_at < ?1 and partnership_ids && cast(string_to_array(?2, ',') as uuid[])""")
                .setParameter(1, RetentionSql.utc(cutoff)).setParameter(2, RetentionSql.csv(partnerships))
                .getSingleResult();
        return new Due(((Number) row[0]).longValue(), RetentionSql.instant(row[1]));
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        Object[] row = (Object[]) em.createNativeQuery("select removed, array_to_string(partnerships, ',') from audit_entry_expire(?1, ?2)")
                .setParameter(1, RetentionSql.utc(cutoff)).setParameter(2, limit).getSingleResult();
        long removed = ((Number) row[0]).longValue();
        Set<UUID> partnerships = RetentionSql.uuids((String) row[1]);
        return new Applied(removed, partnerships);
    }
}
