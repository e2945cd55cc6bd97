package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.cpd.directory.domain.CpdRecord.Participation;
import org.cpd.directory.domain.SupporterLoad;

/** Reads of the support ledger: who supports whom and for how long (kept from relationship events). */
@ApplicationScoped
public class SupportLedgerQueries {

    @Inject
    EntityManager em;

    public SupporterLoad load(UUID practitionerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select mentoring, specialist_coaching, co_coaching from supporter_load where practitioner_id = ?1")
                .setParameter(1, practitionerId).getResultList();
        if (rows.isEmpty()) {
            return SupporterLoad.NONE;
        }
        Object[] r = rows.get(0);
        return new SupporterLoad(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), ((Number) r[2]).intValue());
    }

    public List<Participation> participations(UUID practitionerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select form, role, counts_to_load, minutes_given, conversations, activated_at is not null
                        from relationship_participation where practitioner_id = ?1""")
                .setParameter(1, practitionerId).getResultList();
        return rows.stream().map(r -> new Participation((String) r[0], (String) r[1], (Boolean) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), (Boolean) r[5])).toList();
    }
}
