package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Erasure of a person (docs/adr/0043-erasure.md): every relationship they took part in keeps its form, status,
 * participants (by id) and dates, and loses its free text: the confidential notes and shared summaries of its
 * conversations, its action points' wording, its agreement's terms, its reasons. One statement per table, in the
 * consumer's transaction.
 */
@ApplicationScoped
public class ErasureQueries {

    /** What erasing a person changes is replaced by this where a column may not be empty. */
    public static final String ERASED = "[erased]";

    @Inject
    EntityManager em;

    /** The relationships the person took part in. */
    @SuppressWarnings("unchecked")
    public List<UUID> relationshipsOf(UUID practitionerId) {
        return em.createNativeQuery("select distinct relationship_id from relationship_participant where practitioner_id = ?1",
                UUID.class).setParameter(1, practitionerId).getResultList();
    }

    /** Clears the free text of the relationships; answers how many conversations changed. */
    public int clearFreeText(List<UUID> relationships, Instant now) {
        if (relationships.isEmpty()) {
            return 0;
        }
        String ids = relationships.stream().map(UUID::toString).collect(Collectors.joining(","));
        var at = now.atOffset(ZoneOffset.UTC);
        int conversations = update("""
                update conversation set confidential_notes = null, shared_summary = null,
                       version = version + 1, updated_at = ?2 where relationship_id = any(cast(string_to_array(?1, ',') as uuid[]))""", ids, at);
        update("""
                update action_point set description = '%s', version = version + 1, updated_at = ?2
                where relationship_id = any(cast(string_to_array(?1, ',') as uuid[]))""".formatted(ERASED), ids, at);
        clear("""
                update agreement_version set ground_rules = null, confidentiality = null, power_and_accountability = null,
                       meeting_rhythm = null, meeting_place = null, boundaries = null
                where agreement_id in (select id from learning_agreement where relationship_id = any(cast(string_to_array(?1, ',') as uuid[])))""",
                ids);
        clear("update relationship_transition set reason = null where relationship_id = any(cast(string_to_array(?1, ',') as uuid[]))", ids);
        update("""
                update referral set reason = '%s', version = version + 1, updated_at = ?2
                where from_relationship = any(cast(string_to_array(?1, ',') as uuid[])) or proposal_id = any(cast(string_to_array(?1, ',') as uuid[]))""".formatted(ERASED), ids, at);
        update("""
                update relationship set specialist_input_description = null, end_reason = null,
                       conflict_override_reason = case when conflict_override_reason is null then null else '%s' end,
                       version = version + 1, updated_at = ?2 where id = any(cast(string_to_array(?1, ',') as uuid[]))""".formatted(ERASED), ids, at);
        return conversations;
    }

    private int update(String sql, String ids, Object at) {
        return em.createNativeQuery(sql).setParameter(1, ids).setParameter(2, at).executeUpdate();
    }

    private void clear(String sql, String ids) {
        em.createNativeQuery(sql).setParameter(1, ids).executeUpdate();
    }
}
