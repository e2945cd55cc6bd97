package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A directory merge applied to goals-service (docs/adr/0017-merges-and-tombstones.md): what the retired record owned
 * or reviewed becomes the survivor's, one statement per table in the consumer's transaction. The schools and
 * partnerships recorded with each goal and piece of evidence stay as they were when it was recorded (insight counts
 * them there).
 */
@ApplicationScoped
public class MergeQueries {

    @Inject
    EntityManager em;

    /** What one merge moved; {@code goals} are the ids of the goals that changed owner. */
    public record Moved(List<UUID> goals, int evidence, int reviews) {
    }

    @SuppressWarnings("unchecked")
    public Moved moveTo(UUID retired, UUID survivor, Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        List<UUID> goals = em.createNativeQuery("""
                update goal set owner_id = ?2, version = version + 1, updated_at = ?3
                where owner_id = ?1 returning id""", UUID.class)
                .setParameter(1, retired).setParameter(2, survivor).setParameter(3, at).getResultList();
        int evidence = em.createNativeQuery("""
                update evidence set owner_id = ?2, version = version + 1, updated_at = ?3 where owner_id = ?1""")
                .setParameter(1, retired).setParameter(2, survivor).setParameter(3, at).executeUpdate();
        int reviews = em.createNativeQuery("""
                update goal_review set reviewer_id = ?2, version = version + 1, updated_at = ?3 where reviewer_id = ?1""")
                .setParameter(1, retired).setParameter(2, survivor).setParameter(3, at).executeUpdate();
        return new Moved(goals, evidence, reviews);
    }
}
