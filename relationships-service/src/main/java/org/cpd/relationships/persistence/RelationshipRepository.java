package org.cpd.relationships.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.web.Problems;
import org.cpd.relationships.domain.Form;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;

/** Queries over relationships and their agreements. */
@ApplicationScoped
public class RelationshipRepository {

    @Inject
    EntityManager em;

    public Optional<Relationship> find(UUID id) {
        return Relationship.findByIdOptional(id);
    }

    /** Locked for the transaction: concurrent actions on one relationship happen one after the other. */
    public Relationship lock(UUID id) {
        Relationship r = em.find(Relationship.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw Problems.notFound("relationship", id);
        }
        return r;
    }

    public LearningAgreement agreementOf(UUID relationshipId) {
        return LearningAgreement.<LearningAgreement>find("relationshipId", relationshipId).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("learning agreement of relationship", relationshipId));
    }

    /**
     * Open relationships holding a place of this practitioner for {@code form} (pending and active
     * count, DESIGN rule 4): as SUPPORTER, or as PEER in co-coaching.
     */
    public long openPlaces(UUID practitionerId, Form form) {
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

    public Map<Form, Long> loadBySupporter(UUID practitionerId) {
        Map<Form, Long> load = new EnumMap<>(Form.class);
        em.createQuery("""
                        select r.form, count(r) from Relationship r join r.participants p
                        where p.practitionerId = :s and p.role in :roles and r.status in :open group by r.form""",
                        Object[].class)
                .setParameter("s", practitionerId)
                .setParameter("roles", PLACE_ROLES)
                .setParameter("open", RelationshipStatus.OPEN)
                .getResultList()
                .forEach(row -> load.put((Form) row[0], (Long) row[1]));
        return load;
    }

    /** An open relationship of this form between exactly these people, if any. */
    public Optional<Relationship> openWithSameParticipants(Form form, Collection<UUID> ids) {
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
    public List<Relationship> proposalsDueForReminder(java.time.Instant horizon) {
        return em.createQuery("""
                        from Relationship r where r.status = :s and r.reminderSentAt is null and r.expiresAt <= :h""",
                        Relationship.class)
                .setParameter("s", RelationshipStatus.PROPOSED)
                .setParameter("h", horizon)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(500)
                .getResultList();
    }

    public List<Relationship> proposalsExpired(java.time.Instant now) {
        return em.createQuery("from Relationship r where r.status = :s and r.expiresAt <= :now", Relationship.class)
                .setParameter("s", RelationshipStatus.PROPOSED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(500)
                .getResultList();
    }
}
