package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.commons.privacy.RetentionSql;
import org.cpd.goals.domain.GoalStatus;

/**
 * What goals-service keeps for a limited time (docs/data-protection.md, "Retention defaults"), counted for the dry
 * run and deleted a batch at a time in the sweep's transaction.
 * <ul>
 *   <li>Private evidence (seen by its owner only) whose last change is before the cutoff: deleted with its
 *       attachments, whose large objects are unlinked in the same transaction (ADR 0031), one statement a batch.</li>
 *   <li>Finished goals (a final {@link GoalStatus}) whose last change is before the cutoff: deleted with their reviews
 *       and action plans, and with the evidence linked to them alone that has not changed since the cutoff either
 *       (its attachments and large objects too); other evidence only loses its link to the goal. A revision chain is
 *       deleted predecessor first: a goal another REVISED goal still names as its successor waits for that goal, and
 *       a successor outliving its predecessor loses only its {@code supersedes} link.</li>
 * </ul>
 * The partnerships of what is counted or deleted are the owner's when the item was recorded
 * ({@code owner_partnership_ids}, from the owner's token, V5): this service keeps no read model of the directory,
 * so items recorded before V5 count under no partnership.
 */
@ApplicationScoped
public class RetentionQueries {

    /** The final statuses as an SQL list, from the domain's rule (ACHIEVED, REVISED, DISCONTINUED). */
    static final String FINAL = Arrays.stream(GoalStatus.values()).filter(GoalStatus::isFinal)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private static final String IN_PARTNERSHIPS =
            "owner_partnership_ids && cast(string_to_array(:partnerships, ',') as uuid[])";

    private static final String PRIVATE_DUE = "from evidence e where e.visibility = 'PRIVATE' and e.updated_at < :cutoff";

    /**
     * Finished goals due, as revision chains: a chain starts at a due goal no remaining goal names as its successor
     * ({@code superseded_by}, which a REVISED goal must keep) and goes on through successors that are due too.
     * The second placeholder limits the starts (a batch) or not (the dry run). Ordered by (root_at, root_id, depth), any prefix holds every
     * goal's predecessor, so a batch cut at its limit never leaves a REVISED goal naming a deleted successor.
     */
    private static final String FINISHED_DUE = """
            with recursive chain(id, superseded_by, updated_at, root_at, root_id, depth) as (
                (select g.id, g.superseded_by, g.updated_at, g.updated_at, g.id, 0 from goal g
                 where g.status in %1$s and g.updated_at < :cutoff
                   and not exists (select 1 from goal p where p.superseded_by = g.id)
                 %2$s)
              union all
                select s.id, s.superseded_by, s.updated_at, c.root_at, c.root_id, c.depth + 1
                from chain c join goal s on s.id = c.superseded_by
                where s.status in %1$s and s.updated_at < :cutoff)
            """;

    /**
     * Deletes the evidence of the {@code due} CTE (its rows locked, so evidence changed meanwhile drops out) with its
     * attachments and their large objects; the evidence's links to goals, relationships and standards go by cascade.
     */
    private static final String DELETE_EVIDENCE = """
            files as (delete from attachment a where a.evidence_id in (select id from due) returning a.content_oid),
            gone as (delete from evidence e where e.id in (select id from due) returning e.owner_partnership_ids)
            select (select count(*) from gone), (select count(lo_unlink(content_oid)) from files),
                   (select array_to_string(array_agg(distinct p), ',') from gone, unnest(gone.owner_partnership_ids) p)""";

    private static final String DOOMED_GOALS = "doomed as (select unnest(cast(string_to_array(:goals, ',') as uuid[])) as id)";

    @Inject
    EntityManager em;

    /** What one batch deleted: items, attachments (each with its large object) and the partnerships of both. */
    public record Deleted(long items, long attachments, Set<UUID> partnerships) {
        public RetentionRule.Applied applied() {
            return new RetentionRule.Applied(items, partnerships);
        }
    }

    public RetentionRule.Due privateEvidenceDue(Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return RetentionRule.Due.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(e.updated_at) " + PRIVATE_DUE
                        + " and e." + IN_PARTNERSHIPS)
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("partnerships", RetentionSql.csv(partnerships))
                .getSingleResult();
        return new RetentionRule.Due(((Number) row[0]).longValue(), RetentionSql.instant(row[1]));
    }

    /** Deletes at most {@code limit} due private evidence, oldest change first, in one statement. */
    public Deleted deletePrivateEvidence(Instant cutoff, int limit) {
        return deleteEvidence(em.createNativeQuery("with due as (select e.id " + PRIVATE_DUE
                        + " order by e.updated_at, e.id limit :limit for update of e),\n" + DELETE_EVIDENCE)
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("limit", limit));
    }

    public RetentionRule.Due finishedGoalsDue(Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return RetentionRule.Due.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery(FINISHED_DUE.formatted(FINAL, "") + """
                        select count(*), min(c.updated_at) from chain c join goal g on g.id = c.id
                        where g.""" + IN_PARTNERSHIPS)
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("partnerships", RetentionSql.csv(partnerships))
                .getSingleResult();
        return new RetentionRule.Due(((Number) row[0]).longValue(), RetentionSql.instant(row[1]));
    }

    /**
     * Deletes at most {@code limit} due finished goals, the oldest chains first, in four statements: which goals,
     * their evidence that goes with them, the links of the evidence that stays, the goals (their reviews, action
     * plans and relationships by cascade).
     */
    public Deleted deleteFinishedGoals(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery(FINISHED_DUE.formatted(FINAL, "order by g.updated_at, g.id limit :limit") + """
                        select cast(id as text) from chain order by root_at, root_id, depth limit :limit""")
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return new Deleted(0, 0, Set.of());
        }
        String goals = String.join(",", ids);
        Deleted evidence = deleteEvidence(em.createNativeQuery("with " + DOOMED_GOALS + ", " + """
                        due as (select e.id from evidence e
                                where e.updated_at < :cutoff
                                  and e.id in (select l.evidence_id from evidence_goal l where l.goal_id in (select id from doomed))
                                  and not exists (select 1 from evidence_goal o
                                                  where o.evidence_id = e.id and o.goal_id not in (select id from doomed))
                                for update of e),
                        """ + DELETE_EVIDENCE)
                .setParameter("goals", goals).setParameter("cutoff", RetentionSql.utc(cutoff)));
        em.createNativeQuery("with " + DOOMED_GOALS + ", " + """
                        unlinked as (delete from evidence_goal where goal_id in (select id from doomed) returning evidence_id)
                        update evidence set version = version + 1 where id in (select evidence_id from unlinked)""")
                .setParameter("goals", goals).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("with " + DOOMED_GOALS + ", " + """
                        unlinked as (update goal set supersedes = null, version = version + 1
                                     where supersedes in (select id from doomed) and id not in (select id from doomed)
                                     returning id),
                        gone as (delete from goal where id in (select id from doomed) returning owner_partnership_ids)
                        select (select count(*) from gone), (select count(*) from unlinked),
                               (select array_to_string(array_agg(distinct p), ',') from gone, unnest(gone.owner_partnership_ids) p)""")
                .setParameter("goals", goals).getSingleResult();
        Set<UUID> partnerships = new LinkedHashSet<>(RetentionSql.uuids((String) row[2]));
        partnerships.addAll(evidence.partnerships());
        return new Deleted(((Number) row[0]).longValue(), evidence.attachments(), partnerships);
    }

    private static Deleted deleteEvidence(Query query) {
        Object[] row = (Object[]) query.getSingleResult();
        return new Deleted(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), RetentionSql.uuids((String) row[2]));
    }
}
