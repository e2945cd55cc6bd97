package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SupportForm;

/** Queries over relationships and their agreements. */
@ApplicationScoped
public class RelationshipRepository {

    @Inject
    EntityManager em;

    public Optional<Relationship> find(UUID id) {
        return Relationship.findByIdOptional(id);
    }

    /** A relationship with its participants and what the read model knows of each (those it knows). */
    public record WithParticipants(Relationship relationship, List<KnownPractitioner> participants) {
    }

    /** The relationship, its participants (in the entity's order) and their read-model rows, in one statement. */
    public Optional<WithParticipants> withParticipants(UUID id) {
        List<Object[]> rows = em.createQuery("""
                        select r, k from Relationship r
                        left join fetch r.participants p
                        left join KnownPractitioner k on k.id = p.practitionerId
                        where r.id = :id
                        order by p.role, p.practitionerId""", Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<KnownPractitioner> known = rows.stream().map(row -> (KnownPractitioner) row[1])
                .filter(java.util.Objects::nonNull).distinct().toList();
        return Optional.of(new WithParticipants((Relationship) rows.get(0)[0], known));
    }

    /** Locked for the transaction: concurrent actions on one relationship happen one after the other. */
    public Optional<Relationship> lock(UUID id) {
        return Optional.ofNullable(em.find(Relationship.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<LearningAgreement> agreementOf(UUID relationshipId) {
        return LearningAgreement.<LearningAgreement>find("relationshipId", relationshipId).firstResultOptional();
    }

    /**
     * A page of relationships matching {@code filters}, limited to those with a participant who is
     * {@code practitionerId} or, when that is null, of one of {@code schoolUrns}.
     */
    public Page<Relationship> page(PageRequest page, List<RelationshipStatus> statuses, SupportForm form,
                                   UUID practitionerId, Set<String> schoolUrns) {
        Criteria c = Criteria.where()
                .and("status in :statuses", "statuses", statuses == null || statuses.isEmpty() ? null : statuses)
                .and("form = :form", "form", form);
        if (practitionerId != null) {
            c.and("id in (select p.relationship.id from Participant p where p.practitionerId = :who)", "who", practitionerId);
        } else {
            c.and("id in (select p.relationship.id from Participant p where p.schoolUrn in :urns)", "urns", schoolUrns);
        }
        return Paging.page(page, c, Relationship.class);
    }

    /**
     * Open relationships holding a place of this practitioner for {@code form} (pending and active
     * count, docs/architecture.md#rule-4-capacity): as SUPPORTER, or as PEER in co-coaching.
     */
    public long openPlaces(UUID practitionerId, SupportForm form) {
        return em.createQuery("""
                        select count(r) from Relationship r join r.participants p
                        where p.practitionerId = :s and p.role in :roles and r.form = :form and r.status in :open""",
                        Long.class)
                .setParameter("s", practitionerId)
                .setParameter("roles", PLACE_ROLES)
                .setParameter("form", form)
                .setParameter("open", RelationshipStatus.OPEN)
                .getSingleResult();
    }

    static final List<ParticipantRole> PLACE_ROLES = List.of(ParticipantRole.SUPPORTER, ParticipantRole.PEER);

    public Map<SupportForm, Long> loadBySupporter(UUID practitionerId) {
        Map<SupportForm, Long> load = new EnumMap<>(SupportForm.class);
        em.createQuery("""
                        select r.form, count(r) from Relationship r join r.participants p
                        where p.practitionerId = :s and p.role in :roles and r.status in :open group by r.form""",
                        Object[].class)
                .setParameter("s", practitionerId)
                .setParameter("roles", PLACE_ROLES)
                .setParameter("open", RelationshipStatus.OPEN)
                .getResultList()
                .forEach(row -> load.put((SupportForm) row[0], (Long) row[1]));
        return load;
    }

    /** An open relationship of this form between exactly these people, if any. */
    public Optional<Relationship> openWithSameParticipants(SupportForm form, Collection<UUID> ids) {
        Set<UUID> wanted = new HashSet<>(ids);
        List<Relationship> candidates = em.createQuery("""
                        select distinct r from Relationship r join r.participants p
                        where p.practitionerId = :first and r.form = :form and r.status in :open""", Relationship.class)
                .setParameter("first", ids.iterator().next())
                .setParameter("form", form)
                .setParameter("open", RelationshipStatus.OPEN)
                .getResultList();
        return candidates.stream().filter(r -> new HashSet<>(r.participantIds()).equals(wanted)).findFirst();
    }

    /** Proposals expiring before {@code horizon} not yet reminded; locked, skipping rows another sweep holds. */
    public List<Relationship> proposalsDueForReminder(Instant horizon) {
        return lockedBatch(em.createQuery("""
                        from Relationship r where r.status = :s and r.reminderSentAt is null and r.expiresAt <= :h""",
                        Relationship.class)
                .setParameter("s", RelationshipStatus.PROPOSED)
                .setParameter("h", horizon));
    }

    /** Proposals whose time is up; locked, skipping rows another sweep holds. */
    public List<Relationship> proposalsExpired(Instant now) {
        return lockedBatch(em.createQuery("from Relationship r where r.status = :s and r.expiresAt <= :now", Relationship.class)
                .setParameter("s", RelationshipStatus.PROPOSED)
                .setParameter("now", now));
    }

    /** Several sweeps may run at once (one per instance): each takes rows no other one holds. */
    private static List<Relationship> lockedBatch(TypedQuery<Relationship> query) {
        return query.setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(500)
                .getResultList();
    }
}
