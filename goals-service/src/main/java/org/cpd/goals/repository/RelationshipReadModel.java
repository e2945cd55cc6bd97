package org.cpd.goals.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.goals.domain.RelationshipFacts;
import org.cpd.goals.domain.RelationshipView;

/** Queries and updates of the local relationship read model. */
@ApplicationScoped
public class RelationshipReadModel {

    public Optional<RelationshipFacts> facts(UUID relationshipId) {
        return RelationshipView.<RelationshipView>findByIdOptional(relationshipId).map(RelationshipView::facts);
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

    /**
     * Applies a snapshot unless a newer event was applied already (events of one relationship come
     * in order on one partition, but a replay from an older offset must not roll state back).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(UUID id, String form, String status, Set<RelationshipView.Member> participants,
                         Instant startedAt, Instant endedAt, Instant eventTime) {
        RelationshipView view = RelationshipView.findById(id);
        if (view == null) {
            view = new RelationshipView();
            view.id = id;
        } else if (view.lastEventAt.isAfter(eventTime)) {
            return false;
        }
        if (form != null) {
            view.form = form;
        }
        if (view.form == null) {
            view.form = "UNKNOWN";
        }
        view.status = status;
        if (!participants.isEmpty()) {
            view.participants.clear();
            view.participants.addAll(participants);
        }
        if (startedAt != null) {
            view.startedAt = startedAt;
        }
        if (endedAt != null) {
            view.endedAt = endedAt;
        }
        view.lastEventAt = eventTime;
        view.updatedAt = Instant.now();
        view.persist();
        return true;
    }
}
