package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.goals.domain.Goal;

/** Reads of one goal with the facts its access check needs. */
@ApplicationScoped
public class GoalQueries {

    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    EntityManager em;

    /**
     * A goal, and which of the relationships it is shared with are ACTIVE with {@code viewer} as a participant
     * (what {@code AccessPolicy} needs to decide about this goal).
     */
    public record GoalRead(Goal goal, Set<UUID> activeRelationshipsOfViewer) {
    }

    /** The goal, its relationships and the viewer's part in them (read model), in one statement. */
    public Optional<GoalRead> read(UUID id, UUID viewer) {
        List<Object[]> rows = em.createQuery("""
                        select g, v.id, m.practitionerId from Goal g
                        left join fetch g.relationshipIds
                        left join g.relationshipIds shared
                        left join RelationshipView v on v.id = shared and v.status = 'ACTIVE'
                        left join v.participants m on m.practitionerId = :viewer
                        where g.id = :id""", Object[].class)
                .setParameter("id", id)
                .setParameter("viewer", viewer == null ? NOBODY : viewer)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> active = rows.stream().filter(row -> row[2] != null).map(row -> (UUID) row[1])
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new GoalRead((Goal) rows.get(0)[0], active));
    }
}
