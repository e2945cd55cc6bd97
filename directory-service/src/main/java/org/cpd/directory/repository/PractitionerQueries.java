package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.directory.domain.Identifiers;

/** Lookups on practitioners that the entity model does not express directly. */
@ApplicationScoped
public class PractitionerQueries {

    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    EntityManager em;

    public boolean emailTaken(String email, UUID except) {
        return !em.createNativeQuery("select 1 from practitioner where lower(email) = ?1 and id <> ?2")
                .setParameter(1, Identifiers.normaliseEmail(email))
                .setParameter(2, except == null ? NOBODY : except)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public boolean trnTaken(String trn, UUID except) {
        return !em.createNativeQuery("select 1 from practitioner where trn = ?1 and id <> ?2")
                .setParameter(1, trn)
                .setParameter(2, except == null ? NOBODY : except)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @SuppressWarnings("unchecked")
    public Set<UUID> lineManagersOf(UUID practitioner) {
        List<UUID> ids = em.createNativeQuery("select manager_id from line_management where practitioner_id = ?1", UUID.class)
                .setParameter(1, practitioner).getResultList();
        return new HashSet<>(ids);
    }

    @SuppressWarnings("unchecked")
    public Set<UUID> activeInPartnerships(Set<UUID> ids, Set<UUID> partnerships) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = em.createNativeQuery("""
                        select id from practitioner
                        where id = any(?1) and active and partnership_ids && ?2""", UUID.class)
                .setParameter(1, ids.toArray(UUID[]::new))
                .setParameter(2, partnerships.toArray(UUID[]::new))
                .getResultList();
        return new HashSet<>(found);
    }
}
