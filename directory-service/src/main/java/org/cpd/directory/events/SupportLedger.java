package org.cpd.directory.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.contracts.relationships.ConversationData;
import org.cpd.contracts.relationships.ParticipantData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.directory.repository.SupporterCache;

/**
 * The local read model of who supports whom: one row per relationship participant, with whether the
 * relationship occupies a supporter's place now, and the time given in conversations.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SupportLedger {

    /**
     * States in which a relationship holds one of the supporter's places: proposals included, so none
     * over-allocate (docs/architecture.md#rule-4-capacity).
     */
    static final Set<String> HOLDS_A_PLACE = Set.of("PROPOSED", "AGREEMENT_PENDING", "ACTIVE", "PAUSED");
    /** Roles that give support: supporters, and every peer of a co-coaching relationship. */
    static final Set<String> SUPPORTING_ROLES = Set.of("SUPPORTER", "PEER");

    @Inject
    EntityManager em;

    @Inject
    SupporterCache supporterCache;

    /** Empties the ledger and the loads counted from it, for a rebuild. */
    public void clear() {
        em.createNativeQuery("delete from relationship_participation").executeUpdate();
        em.createNativeQuery("delete from supporter_load").executeUpdate();
        supporterCache.invalidateAfterCommit();
    }

    public void relationship(RelationshipData r) {
        if (r.participants() == null) {
            return;
        }
        Set<UUID> supporters = new LinkedHashSet<>();
        for (ParticipantData p : r.participants()) {
            if (p.practitionerId() == null || p.role() == null) {
                continue;
            }
            boolean supporting = SUPPORTING_ROLES.contains(p.role());
            boolean counts = supporting && HOLDS_A_PLACE.contains(r.status());
            em.createNativeQuery("""
                            insert into relationship_participation
                                (relationship_id, practitioner_id, role, form, status, counts_to_load, activated_at, ended_at, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                            on conflict (relationship_id, practitioner_id) do update set
                                role = excluded.role, form = excluded.form, status = excluded.status,
                                counts_to_load = excluded.counts_to_load,
                                activated_at = coalesce(excluded.activated_at, relationship_participation.activated_at),
                                ended_at = excluded.ended_at, updated_at = excluded.updated_at""")
                    .setParameter(1, r.relationshipId())
                    .setParameter(2, resolved(p.practitionerId()))
                    .setParameter(3, p.role())
                    .setParameter(4, r.form())
                    .setParameter(5, r.status())
                    .setParameter(6, counts)
                    .setParameter(7, r.activatedAt() == null ? null : OffsetDateTime.ofInstant(r.activatedAt(), ZoneOffset.UTC))
                    .setParameter(8, r.endedAt() == null ? null : OffsetDateTime.ofInstant(r.endedAt(), ZoneOffset.UTC))
                    .setParameter(9, OffsetDateTime.ofInstant(TrackedEntity.now(), ZoneOffset.UTC))
                    .executeUpdate();
            if (supporting) {
                supporters.add(resolved(p.practitionerId()));
            }
        }
        supporters.forEach(this::recomputeLoad);
        if (!supporters.isEmpty()) {
            supporterCache.invalidateAfterCommit();
        }
    }

    /** Load is recounted from the rows, never incremented, so replays and reorderings cannot drift it. */
    void recomputeLoad(UUID supporter) {
        em.createNativeQuery("""
                        insert into supporter_load (practitioner_id, mentoring, specialist_coaching, co_coaching)
                        select ?1,
                               count(*) filter (where form = 'MENTORING' and counts_to_load),
                               count(*) filter (where form = 'SPECIALIST_COACHING' and counts_to_load),
                               count(*) filter (where form = 'CO_COACHING' and counts_to_load)
                        from relationship_participation where practitioner_id = ?1
                        on conflict (practitioner_id) do update set
                            mentoring = excluded.mentoring, specialist_coaching = excluded.specialist_coaching,
                            co_coaching = excluded.co_coaching""")
                .setParameter(1, supporter)
                .executeUpdate();
    }

    /** Credits a conversation's time to whoever held the coach role (the supporter, or the coaching peer). */
    public void conversation(ConversationData c) {
        UUID coach = c.coachId() != null ? c.coachId() : c.supporterId();
        if (coach == null || c.relationshipId() == null || c.durationMinutes() <= 0) {
            return;
        }
        em.createNativeQuery("""
                        update relationship_participation
                        set minutes_given = minutes_given + ?1, conversations = conversations + 1, updated_at = ?2
                        where relationship_id = ?3 and practitioner_id = ?4""")
                .setParameter(1, c.durationMinutes())
                .setParameter(2, OffsetDateTime.ofInstant(TrackedEntity.now(), ZoneOffset.UTC))
                .setParameter(3, c.relationshipId())
                .setParameter(4, resolved(coach))
                .executeUpdate();
    }

    /**
     * A merge moves the retired record's relationships, time given and load to the survivor (its CPD record
     * and capacity count them from then on). A relationship both records took part in keeps the survivor's row.
     */
    public void merge(UUID retired, UUID survivor) {
        em.createNativeQuery("""
                        update relationship_participation r set practitioner_id = ?2
                        where r.practitioner_id = ?1 and not exists (
                            select 1 from relationship_participation o where o.relationship_id = r.relationship_id and o.practitioner_id = ?2)""")
                .setParameter(1, retired)
                .setParameter(2, survivor)
                .executeUpdate();
        em.createNativeQuery("delete from relationship_participation where practitioner_id = ?1").setParameter(1, retired).executeUpdate();
        recomputeLoad(survivor);
        recomputeLoad(retired);
        supporterCache.invalidateAfterCommit();
    }

    /** Relationship events may still name a retired record: its rows are the survivor's. */
    private UUID resolved(UUID practitionerId) {
        List<?> into = em.createNativeQuery("select merged_into from practitioner where id = ?1 and merged_into is not null", UUID.class)
                .setParameter(1, practitionerId).getResultList();
        return into.isEmpty() ? practitionerId : (UUID) into.get(0);
    }
}
