package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Relationship;

/** What the service holds about one person: for a subject access export. */
@ApplicationScoped
public class SubjectQueries {

    @Inject
    EntityManager em;

    /** Every relationship the person is or was a participant of, oldest proposal first. */
    public List<Relationship> relationshipsOf(UUID practitionerId) {
        return em.createQuery("select distinct r from Relationship r join r.participants p where p.practitionerId = :id "
                        + "order by r.proposedAt, r.id", Relationship.class)
                .setParameter("id", practitionerId).getResultList();
    }

    /** Action points the person owns, in whichever relationship. */
    public List<ActionPoint> actionPointsOwnedBy(UUID practitionerId) {
        return em.createQuery("from ActionPoint a where a.ownerId = :id order by a.createdAt, a.id", ActionPoint.class)
                .setParameter("id", practitionerId).getResultList();
    }
}
