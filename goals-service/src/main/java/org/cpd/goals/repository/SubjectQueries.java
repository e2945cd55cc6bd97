package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalReview;

/** What the service holds about one person: for a subject access export. */
@ApplicationScoped
public class SubjectQueries {

    @Inject
    EntityManager em;

    /** The partnerships the person's goals and evidence were recorded in (their token's, when recorded). */
    @SuppressWarnings("unchecked")
    public Set<UUID> partnershipsRecordedFor(UUID practitionerId) {
        List<Object> ids = em.createNativeQuery("""
                        select distinct p from (
                            select unnest(owner_partnership_ids) as p from goal where owner_id = :id
                            union all
                            select unnest(owner_partnership_ids) from evidence where owner_id = :id) recorded""")
                .setParameter("id", practitionerId).getResultList();
        Set<UUID> partnerships = new HashSet<>();
        ids.forEach(id -> partnerships.add(id instanceof UUID u ? u : UUID.fromString(id.toString())));
        return partnerships;
    }

    public List<Goal> goalsOwnedBy(UUID practitionerId) {
        return em.createQuery("from Goal g where g.ownerId = :id order by g.createdAt, g.id", Goal.class)
                .setParameter("id", practitionerId).getResultList();
    }

    /** Every piece of evidence the person owns, private ones included. */
    public List<Evidence> evidenceOwnedBy(UUID practitionerId) {
        return em.createQuery("from Evidence e where e.ownerId = :id order by e.createdAt, e.id", Evidence.class)
                .setParameter("id", practitionerId).getResultList();
    }

    /** Reviews of the person's goals, and reviews the person wrote of others' goals. */
    public List<GoalReview> reviewsOfOrBy(UUID practitionerId) {
        return em.createQuery("from GoalReview r where r.reviewerId = :id or r.goalId in "
                        + "(select g.id from Goal g where g.ownerId = :id) order by r.createdAt, r.id", GoalReview.class)
                .setParameter("id", practitionerId).getResultList();
    }

    /** The attachments of the person's evidence (their metadata; the content is downloaded on its own). */
    public List<Attachment> attachmentsOfEvidenceOwnedBy(UUID practitionerId) {
        return em.createQuery("from Attachment a where a.evidenceId in (select e.id from Evidence e where e.ownerId = :id) "
                        + "order by a.createdAt, a.id", Attachment.class)
                .setParameter("id", practitionerId).getResultList();
    }
}
