package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.commons.privacy.RetentionSql;

/**
 * Confidential notes past their retention: notes of conversations whose relationship ended (closed, declined,
 * withdrawn, expired) before a cutoff. Counted for a report and cleared in one statement each.
 */
@ApplicationScoped
public class RetentionQueries {

    private static final String DUE = """
            from conversation c join relationship r on r.id = c.relationship_id
            where c.confidential_notes is not null
              and r.status in ('CLOSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')
              and coalesce(r.ended_at, r.updated_at) < :cutoff""";

    @Inject
    EntityManager em;

    public RetentionRule.Due dueIn(Set<UUID> partnerships, Instant cutoff) {
        return dueAmongParticipants(em, DUE, partnerships, cutoff);
    }

    /**
     * Counts what {@code due} selects (a {@code from ... where} over relationships {@code r} ended before
     * {@code :cutoff}) among relationships with a participant in the partnerships, and when the oldest of them ended.
     */
    static RetentionRule.Due dueAmongParticipants(EntityManager em, String due, Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return RetentionRule.Due.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(coalesce(r.ended_at, r.updated_at)) " + due + " " + """
                         and exists (select 1 from relationship_participant p join practitioner k on k.id = p.practitioner_id
                                     where p.relationship_id = r.id
                                       and k.partnership_ids && cast(string_to_array(:partnerships, ',') as uuid[]))""")
                .setParameter("cutoff", RetentionSql.utc(cutoff))
                .setParameter("partnerships", RetentionSql.csv(partnerships))
                .getSingleResult();
        return new RetentionRule.Due(((Number) row[0]).longValue(), RetentionSql.instant(row[1]));
    }

    /**
     * Clears the notes of at most {@code limit} due conversations in one statement; answers how many and the
     * partnerships of their participants.
     */
    public RetentionRule.Applied clearDue(Instant cutoff, Instant now, int limit) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        with due as (select c.id\s""" + DUE + """
                         order by coalesce(r.ended_at, r.updated_at) limit :limit),
                        cleared as (update conversation set confidential_notes = null, version = version + 1, updated_at = :now
                                    where id in (select id from due) returning relationship_id)
                        select (select count(*) from cleared),
                               (select array_to_string(array_agg(distinct p), ',')
                                from relationship_participant rp join practitioner k on k.id = rp.practitioner_id,
                                     unnest(k.partnership_ids) p
                                where rp.relationship_id in (select relationship_id from cleared))""")
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("now", RetentionSql.utc(now))
                .setParameter("limit", limit)
                .getSingleResult();
        return new RetentionRule.Applied(((Number) row[0]).longValue(), RetentionSql.uuids((String) row[1]));
    }
}
