package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jakarta.persistence.TypedQuery;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.AppointmentRole;
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

    /** A practitioner as one read shows it, and the state of their account (null: none yet). */
    public record PractitionerRead(Practitioner practitioner, AccountState accountState) {
    }

    /**
     * The practitioner with everything a view of them shows (school, organisation and their partnerships,
     * line managers, appraisers) and their account's state, in one statement.
     */
    public Optional<PractitionerRead> read(UUID id) {
        List<Object[]> rows = em.createQuery("""
                        select p, a.state from Practitioner p
                        left join fetch p.school s left join fetch s.partnershipIds
                        left join fetch p.organisation o left join fetch o.partnershipIds
                        left join fetch p.lineManagerIds left join fetch p.appraiserIds
                        left join Account a on a.id = p.id
                        where p.id = :id""", Object[].class)
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(row -> new PractitionerRead((Practitioner) row[0], (AccountState) row[1]));
    }

    /**
     * A keyset page on (updatedAt, id) of the practitioners {@code filters} select, with everything the full view
     * shows (school, organisation and their partnerships, line managers, appraisers) in one statement: the page's
     * ids are chosen in a subquery, so the fetched links never count towards the limit. The keyset and the cursor are
     * {@link Paging}'s.
     */
    public Page<Practitioner> page(PageRequest request, Criteria filters) {
        Criteria criteria = Paging.keyset(request, filters);
        String where = criteria.isEmpty() ? "" : " where " + criteria.jpql();
        TypedQuery<Practitioner> query = em.createQuery("""
                        select p from Practitioner p
                        left join fetch p.school s left join fetch s.partnershipIds
                        left join fetch p.organisation o left join fetch o.partnershipIds
                        left join fetch p.lineManagerIds left join fetch p.appraiserIds
                        where p.id in (select id from Practitioner%s order by updatedAt, id limit %d)
                        order by p.updatedAt, p.id""".formatted(where, request.limit() + 1), Practitioner.class);
        criteria.parameters().forEach(query::setParameter);
        return Paging.of(query.getResultList(), request.limit());
    }

    /** One current appointment of a caller: its role, the school it is at (lead) or its partnership (admin). */
    public record CurrentAppointment(AppointmentRole role, String schoolUrn, UUID partnershipId) {
    }

    /**
     * What the directory's own records say about a caller, in one statement: whether their practitioner
     * record is active (null: no record, or no practitioner id) and their current appointments, by
     * practitioner id or by account subject.
     */
    public record CallerRecords(Boolean active, List<CurrentAppointment> appointments) {
    }

    @SuppressWarnings("unchecked")
    public CallerRecords callerRecords(UUID practitionerId, String subject) {
        List<Object[]> rows = em.createNativeQuery("""
                        select (select p.active from practitioner p where p.id = ?1), a.role, s.urn, a.partnership_id
                        from (values (1)) as one (x)
                        left join appointment a on (a.practitioner_id = ?1 or a.account_subject = ?2) and a.ended_at is null
                        left join school s on s.id = a.school_id""")
                .setParameter(1, practitionerId == null ? NOBODY : practitionerId)
                .setParameter(2, subject == null ? "" : subject)
                .getResultList();
        Boolean active = rows.isEmpty() ? null : (Boolean) rows.get(0)[0];
        List<CurrentAppointment> appointments = rows.stream().filter(row -> row[1] != null)
                .map(row -> new CurrentAppointment(AppointmentRole.valueOf(row[1].toString()),
                        row[2] == null ? null : row[2].toString().trim(), (UUID) row[3]))
                .toList();
        return new CallerRecords(active, appointments);
    }
}
