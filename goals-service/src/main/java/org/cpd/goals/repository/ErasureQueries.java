package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Erasure of a person (docs/adr/0043-erasure.md), one statement per step in the consumer's transaction: every
 * attachment of the person's evidence deleted with its large object (ADR 0031: {@code lo_unlink} in the same
 * transaction, so a rollback keeps the bytes), their private evidence deleted, their shared evidence and their goals
 * kept for statistics (type, dates, standards, status, priority, who set it) with their free text cleared, and the
 * reviews of their goals or written by them cleared alike.
 */
@ApplicationScoped
public class ErasureQueries {

    /** Put where a column may not be empty. */
    public static final String ERASED = "[erased]";

    @Inject
    EntityManager em;

    /** What one erasure changed. */
    public record Counts(int goals, int evidenceDeleted, int evidenceAnonymised, int attachmentsDeleted) {
    }

    public Counts erase(UUID person, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        int attachments = ((Number) em.createNativeQuery("""
                with gone as (
                    delete from attachment a using evidence e
                    where a.evidence_id = e.id and e.owner_id = ?1
                    returning a.content_oid)
                select count(lo_unlink(content_oid)) from gone""").setParameter(1, person).getSingleResult()).intValue();
        int deleted = em.createNativeQuery("delete from evidence where owner_id = ?1 and visibility = 'PRIVATE'")
                .setParameter(1, person).executeUpdate();
        int anonymised = em.createNativeQuery("""
                update evidence set title = ?2, description = null, reflection = null, video_url = null,
                       video_moments = null, version = version + 1, updated_at = ?3
                where owner_id = ?1""").setParameter(1, person).setParameter(2, ERASED).setParameter(3, at).executeUpdate();
        em.createNativeQuery("""
                update goal_review set learned = ?2, why_it_worked = null, version = version + 1, updated_at = ?3
                where reviewer_id = ?1 or goal_id in (select id from goal where owner_id = ?1)""")
                .setParameter(1, person).setParameter(2, ERASED).setParameter(3, at).executeUpdate();
        em.createNativeQuery("""
                update review_action set description = ?2
                where review_id in (select r.id from goal_review r join goal g on g.id = r.goal_id
                                    where g.owner_id = ?1 or r.reviewer_id = ?1)""")
                .setParameter(1, person).setParameter(2, ERASED).executeUpdate();
        int goals = em.createNativeQuery("""
                update goal set title = ?2, pupil_aspiration = ?2, success_criteria = ?2, current_practice = null,
                       stretch = null, discontinued_reason = case when discontinued_reason is null then null else ?2 end,
                       version = version + 1, updated_at = ?3
                where owner_id = ?1""").setParameter(1, person).setParameter(2, ERASED).setParameter(3, at).executeUpdate();
        return new Counts(goals, deleted, anonymised, attachments);
    }
}
