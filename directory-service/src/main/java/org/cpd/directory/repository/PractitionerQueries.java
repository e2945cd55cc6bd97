package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.Practitioner;

/** Lookups on practitioners that the entity model does not express directly. */
@ApplicationScoped
public class PractitionerQueries {

    private static final UUID NOBODY = new UUID(0, 0);

    @Inject
    EntityManager em;

    /** Who else (than {@code except}, which may be null) has this email, compared case-insensitively. */
    public Optional<Practitioner> holderOfEmail(String email, UUID except) {
        return em.createQuery("from Practitioner where lower(email) = ?1 and id <> ?2", Practitioner.class)
                .setParameter(1, Identifiers.normaliseEmail(email))
                .setParameter(2, except == null ? NOBODY : except)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Who else (than {@code except}, which may be null) has this TRN; nobody for a null TRN. */
    public Optional<Practitioner> holderOfTrn(String trn, UUID except) {
        if (trn == null) {
            return Optional.empty();
        }
        return em.createQuery("from Practitioner where trn = ?1 and id <> ?2", Practitioner.class)
                .setParameter(1, trn)
                .setParameter(2, except == null ? NOBODY : except)
                .setMaxResults(1).getResultStream().findFirst();
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

    /** Everyone whose line managers or appraisers include this person. */
    public List<Practitioner> linkedTo(UUID practitioner) {
        return em.createQuery("""
                        select distinct p from Practitioner p
                        where ?1 member of p.lineManagerIds or ?1 member of p.appraiserIds""", Practitioner.class)
                .setParameter(1, practitioner).getResultList();
    }

    /**
     * The retired record's MIS staff ids become the survivor's, at each school where the survivor has none yet;
     * where it has one, the survivor's stays and the retired record's is dropped (the MIS holds one id per person).
     */
    public void moveMisStaffIds(UUID retired, UUID survivor) {
        em.createNativeQuery("""
                        update practitioner_mis_id m set practitioner_id = ?2
                        where m.practitioner_id = ?1 and not exists (
                            select 1 from practitioner_mis_id o where o.school_id = m.school_id and o.practitioner_id = ?2)""")
                .setParameter(1, retired).setParameter(2, survivor).executeUpdate();
        em.createNativeQuery("delete from practitioner_mis_id where practitioner_id = ?1").setParameter(1, retired).executeUpdate();
    }
}
