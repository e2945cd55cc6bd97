package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.goals.domain.RelationshipFacts;
import org.cpd.goals.domain.RelationshipView;

/** Queries of the local relationship read model (written only by the relationship events consumer). */
@ApplicationScoped
public class RelationshipReadModel {

    /** Empties the read model for a rebuild (participants go with their relationship: on delete cascade). */
    public void clear() {
        RelationshipView.getEntityManager().createNativeQuery("delete from relationship_view").executeUpdate();
    }

    public Optional<RelationshipView> find(UUID relationshipId) {
        return RelationshipView.findByIdOptional(relationshipId);
    }

    public Optional<RelationshipFacts> facts(UUID relationshipId) {
        return find(relationshipId).map(RelationshipView::facts);
    }

    /** ACTIVE relationships {@code practitionerId} takes part in: what they may see as a supporter. */
    public Set<UUID> activeRelationshipsOf(UUID practitionerId) {
        List<UUID> ids = RelationshipView.getEntityManager().createQuery("""
                        select r.id from RelationshipView r join r.participants p
                        where p.practitionerId = :p and r.status = 'ACTIVE'""", UUID.class)
                .setParameter("p", practitionerId)
                .getResultList();
        return new HashSet<>(ids);
    }
}
