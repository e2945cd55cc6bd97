package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.commons.privacy.RetentionSql;

/**
 * Relationships past their retention (docs/data-protection.md, "Retention defaults"): ended (closed, declined,
 * withdrawn, expired) before a cutoff and not yet anonymised. Anonymising one keeps what the insight views
 * aggregate ({@link InsightQueries}: the relationship's form, purpose, status and dates, its participants by id with
 * their role and school, the current agreement's protected hours, the conversations' status, time, duration,
 * setting, activities, agenda owner and coach) and removes what was written about people: the conversations'
 * shared summaries and confidential notes, the action points (wording and owner), the agreement's texts and its
 * superseded versions, the reasons of transitions and referrals, the specialist input's description and the labels
 * of who did what. A batch takes four statements whatever its size, in the sweep's transaction.
 */
@ApplicationScoped
public class ClosedRelationshipQueries {

    /** What replaces a label or text of an anonymised relationship where the column may not be empty. */
    public static final String ANONYMISED = "[anonymised]";

    private static final String DUE = """
            from relationship r
            where r.anonymised_at is null
              and r.status in ('CLOSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')
              and coalesce(r.ended_at, r.updated_at) < :cutoff""";

    private static final String IDS = "any(cast(string_to_array(:ids, ',') as uuid[]))";

    @Inject
    EntityManager em;

    /** How many relationships of the partnerships are due, and when the oldest of them ended. */
    public RetentionRule.Due dueIn(Set<UUID> partnerships, Instant cutoff) {
        return RetentionQueries.dueAmongParticipants(em, DUE, partnerships, cutoff);
    }

    /**
     * Anonymises at most {@code limit} due relationships, the longest ended first; answers how many and the
     * partnerships of their participants. Rows another transaction holds are left for the next batch.
     */
    @SuppressWarnings("unchecked")
    public RetentionRule.Applied anonymiseDue(Instant cutoff, Instant now, int limit) {
        List<UUID> due = em.createNativeQuery("select r.id " + DUE + """
                         order by coalesce(r.ended_at, r.updated_at), r.id limit :limit
                        for update of r skip locked""", UUID.class)
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("limit", limit).getResultList();
        if (due.isEmpty()) {
            return RetentionRule.Applied.NONE;
        }
        String ids = RetentionSql.csv(due);
        OffsetDateTime at = RetentionSql.utc(now);
        // superseded agreement versions go with their signatures; the current one keeps its hours and signatures
        em.createNativeQuery("""
                        delete from agreement_signature where version_id in (
                            select v.id from agreement_version v join learning_agreement a on a.id = v.agreement_id
                            where a.relationship_id = %s and v.number <> a.current_version)""".formatted(IDS))
                .setParameter("ids", ids).executeUpdate();
        em.createNativeQuery("""
                        with agreements as (
                            update learning_agreement set version = version + 1, updated_at = :now
                            where relationship_id = %s returning id, current_version),
                        superseded as (
                            delete from agreement_version v using agreements a
                            where v.agreement_id = a.id and v.number <> a.current_version returning v.id)
                        update agreement_version v set ground_rules = null, confidentiality = null,
                               power_and_accountability = null, meeting_rhythm = null, meeting_place = null,
                               boundaries = null, created_by = :anonymised
                        from agreements a where v.agreement_id = a.id and v.number = a.current_version""".formatted(IDS))
                .setParameter("ids", ids).setParameter("now", at).setParameter("anonymised", ANONYMISED).executeUpdate();
        // every data-modifying part runs to completion whether or not the final select reads it (PostgreSQL, WITH)
        Object partnerships = em.createNativeQuery("""
                        with conversations as (
                            update conversation set shared_summary = null, confidential_notes = null, recorded_by = :anonymised,
                                   version = version + 1, updated_at = :now
                            where relationship_id = %1$s returning id),
                        actions as (delete from action_point where relationship_id = %1$s returning id),
                        transitions as (
                            update relationship_transition set reason = null, actor = :anonymised
                            where relationship_id = %1$s returning id),
                        referrals as (
                            update referral set reason = :anonymised, version = version + 1, updated_at = :now
                            where from_relationship = %1$s or proposal_id = %1$s returning id),
                        relationships as (
                            update relationship set specialist_input_description = null, end_reason = null,
                                   conflict_override_reason = case when conflict_override_reason is null then null else :anonymised end,
                                   conflict_override_by = null, proposed_by = :anonymised, proposed_by_practitioner = null,
                                   anonymised_at = :now, version = version + 1, updated_at = :now
                            where id = %1$s returning id)
                        select array_to_string(array_agg(distinct p), ',')
                        from relationship_participant rp join practitioner k on k.id = rp.practitioner_id,
                             unnest(k.partnership_ids) p
                        where rp.relationship_id = %1$s""".formatted(IDS))
                .setParameter("ids", ids).setParameter("now", at).setParameter("anonymised", ANONYMISED)
                .getSingleResult();
        return new RetentionRule.Applied(due.size(), RetentionSql.uuids((String) partnerships));
    }
}
