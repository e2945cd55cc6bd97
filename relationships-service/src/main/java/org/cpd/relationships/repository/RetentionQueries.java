package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Confidential notes past their retention: notes of conversations whose relationship ended (closed, declined,
 * withdrawn, expired) before a cutoff. Counted for a report and cleared in one statement each.
 */
@ApplicationScoped
public class RetentionQueries {

    private static final String DUE = """
            from conversation c join relationship r on r.id = c.relationship_id
            where c.confidential_notes is not null
              and r.status in ('CLOSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')
              and coalesce(r.ended_at, r.updated_at) < :cutoff""";

    @Inject
    EntityManager em;

    /** How many conversations of the partnerships' relationships hold notes due for clearing, and the oldest end. */
    public record Due(long conversations, Instant oldestEnd) {
    }

    public Due dueIn(Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return new Due(0, null);
        }
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(coalesce(r.ended_at, r.updated_at)) " + DUE + " " + """
                         and exists (select 1 from relationship_participant p join practitioner k on k.id = p.practitioner_id
                                     where p.relationship_id = r.id
                                       and k.partnership_ids && cast(string_to_array(:partnerships, ',') as uuid[]))""")
                .setParameter("cutoff", utc(cutoff))
                .setParameter("partnerships", partnerships.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getSingleResult();
        return new Due(((Number) row[0]).longValue(), toInstant(row[1]));
    }

    /** Clears every due note; answers how many conversations lost theirs. */
    public int clearDue(Instant cutoff, Instant now) {
        return em.createNativeQuery("""
                        update conversation set confidential_notes = null, version = version + 1, updated_at = :now
                        where id in (select c.id\s""" + DUE + ")")
                .setParameter("cutoff", utc(cutoff)).setParameter("now", utc(now))
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
