package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.commons.privacy.RetentionSql;

/**
 * What the directory's retention rules find (docs/data-protection.md, "Retention defaults"): people deactivated
 * before a cutoff and not erased yet, and staff syncs that finished before a cutoff and still hold their rows.
 */
@ApplicationScoped
public class RetentionQueries {

    /**
     * Deactivated before the cutoff, not erased yet. A record merged into another is left alone: the other services
     * keep the history of the retired id for the survivor (ADR 0017), so erasing that id would reach the survivor's.
     */
    private static final String DEACTIVATED = """
            from practitioner p
            where p.deactivated_at < :cutoff and not p.active and p.merged_into is null
              and not exists (select 1 from erasure e where e.practitioner_id = p.id)""";

    /** Finished (a job is written once, as the sync ends) before the cutoff, rows still kept. */
    private static final String REPORTS = """
            from staff_sync_job j
            where j.rows_removed_at is null and j.created_at < :cutoff""";

    private static final String IN_PARTNERSHIPS = "cast(string_to_array(:partnerships, ',') as uuid[])";

    @Inject
    EntityManager em;

    public RetentionRule.Due deactivatedIn(Set<UUID> partnerships, Instant cutoff) {
        return due("select count(*), min(p.deactivated_at) " + DEACTIVATED
                + " and p.partnership_ids && " + IN_PARTNERSHIPS, partnerships, cutoff);
    }

    /**
     * The ids of at most {@code limit} people due, the longest deactivated first, locked for the caller's transaction;
     * one being erased or changed by another transaction meanwhile is skipped (the next sweep finds it again).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> lockDeactivated(Instant cutoff, int limit) {
        return em.createNativeQuery("select p.id " + DEACTIVATED
                        + " order by p.deactivated_at, p.id limit :limit for update of p skip locked", UUID.class)
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("limit", limit).getResultList();
    }

    public RetentionRule.Due reportsIn(Set<UUID> partnerships, Instant cutoff) {
        return due("select count(*), min(j.created_at) " + REPORTS + " " + """
                 and exists (select 1 from school_partnership sp
                             where sp.school_id = j.school_id and sp.partnership_id = any(""" + IN_PARTNERSHIPS + "))",
                partnerships, cutoff);
    }

    /**
     * Deletes the row outcomes of at most {@code limit} due jobs, the oldest first, and marks the jobs (their counts
     * stay); answers how many jobs and the partnerships of their schools.
     */
    public RetentionRule.Applied removeReportRows(Instant cutoff, Instant now, int limit) {
        Object[] row = (Object[]) em.createNativeQuery("with due as (select j.id " + REPORTS + " " + """
                         order by j.created_at, j.id limit :limit for update of j skip locked),
                        rows as (delete from staff_sync_row where job_id in (select id from due)),
                        marked as (update staff_sync_job set rows_removed_at = :now, updated_at = :now, version = version + 1
                                   where id in (select id from due) returning school_id)
                        select (select count(*) from marked),
                               (select array_to_string(array_agg(distinct sp.partnership_id), ',')
                                from school_partnership sp where sp.school_id in (select school_id from marked))""")
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("now", RetentionSql.utc(now)).setParameter("limit", limit)
                .getSingleResult();
        return new RetentionRule.Applied(((Number) row[0]).longValue(), RetentionSql.uuids((String) row[1]));
    }

    private RetentionRule.Due due(String query, Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return RetentionRule.Due.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery(query)
                .setParameter("cutoff", RetentionSql.utc(cutoff))
                .setParameter("partnerships", RetentionSql.csv(partnerships))
                .getSingleResult();
        long items = ((Number) row[0]).longValue();
        return items == 0 ? RetentionRule.Due.NONE : new RetentionRule.Due(items, RetentionSql.instant(row[1]));
    }
}
