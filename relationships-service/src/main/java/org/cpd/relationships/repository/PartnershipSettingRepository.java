package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** Whether a partnership lets its practitioners work across partnerships (default: no). */
@ApplicationScoped
public class PartnershipSettingRepository {

    @Inject
    EntityManager em;

    public boolean allowsCrossPartnership(UUID partnershipId) {
        List<?> rows = em.createNativeQuery(
                        "select allows_cross_partnership from partnership_setting where partnership_id = ?1")
                .setParameter(1, partnershipId)
                .getResultList();
        return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0));
    }

    public void setCrossPartnership(UUID partnershipId, boolean allowed) {
        em.createNativeQuery("""
                        insert into partnership_setting (partnership_id, allows_cross_partnership, updated_at)
                        values (?1, ?2, ?3)
                        on conflict (partnership_id) do update
                        set allows_cross_partnership = excluded.allows_cross_partnership, updated_at = excluded.updated_at""")
                .setParameter(1, partnershipId)
                .setParameter(2, allowed)
                .setParameter(3, TrackedEntity.now())
                .executeUpdate();
    }
}
