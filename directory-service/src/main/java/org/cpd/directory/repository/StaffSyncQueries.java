package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.StaffSyncRow;
import org.hibernate.Session;

/** The lookups and bulk writes of a staff sync: one query per few hundred rows, not per row. */
@ApplicationScoped
public class StaffSyncQueries {

    private static final int CHUNK = 500;

    @Inject
    EntityManager em;

    /** The school's MIS staff ids, each with the practitioner it names. */
    public Map<String, UUID> misIdsAt(UUID schoolId) {
        Map<String, UUID> ids = new HashMap<>();
        em.createNativeQuery("select mis_staff_id, practitioner_id from practitioner_mis_id where school_id = ?1", Object[].class)
                .setParameter(1, schoolId).getResultStream()
                .forEach(r -> ids.put((String) ((Object[]) r)[0], (UUID) ((Object[]) r)[1]));
        return ids;
    }

    /**
     * Remembers (or moves) the MIS staff ids of practitioners at a school, in batches: written past Hibernate,
     * so a sync of thousands of rows does not flush its whole session before each one.
     */
    public void rememberMisIds(UUID schoolId, Map<String, UUID> practitionerByMisId) {
        if (practitionerByMisId.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement forget = connection.prepareStatement(
                    "delete from practitioner_mis_id where school_id = ? and practitioner_id = ? and mis_staff_id <> ?");
                 PreparedStatement remember = connection.prepareStatement("""
                         insert into practitioner_mis_id (school_id, mis_staff_id, practitioner_id) values (?, ?, ?)
                         on conflict (school_id, mis_staff_id) do update set practitioner_id = excluded.practitioner_id""")) {
                for (Map.Entry<String, UUID> id : practitionerByMisId.entrySet()) {
                    forget.setObject(1, schoolId);
                    forget.setObject(2, id.getValue());
                    forget.setString(3, id.getKey());
                    forget.addBatch();
                    remember.setObject(1, schoolId);
                    remember.setString(2, id.getKey());
                    remember.setObject(3, id.getValue());
                    remember.addBatch();
                }
                forget.executeBatch();
                remember.executeBatch();
            }
        });
    }

    /** Everyone at the school, active or not. */
    public List<Practitioner> staffOf(UUID schoolId) {
        return em.createQuery("from Practitioner where school.id = ?1", Practitioner.class).setParameter(1, schoolId).getResultList();
    }

    /** Whoever holds any of these TRNs, anywhere (the caller decides who may be matched). */
    public List<Practitioner> holdersOfTrns(Collection<String> trns) {
        return chunked(trns, "from Practitioner where trn in ?1");
    }

    /** Whoever holds any of these emails (given in lower case), anywhere. */
    public List<Practitioner> holdersOfEmails(Collection<String> emails) {
        return chunked(emails, "from Practitioner where lower(email) in ?1");
    }

    private List<Practitioner> chunked(Collection<String> values, String jpql) {
        List<String> all = new ArrayList<>(values);
        List<Practitioner> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(em.createQuery(jpql, Practitioner.class)
                    .setParameter(1, all.subList(from, Math.min(all.size(), from + CHUNK))).getResultList());
        }
        return found;
    }

    /** Writes a job's rows in batches (a file can have thousands). */
    public void insertRows(List<StaffSyncRow> rows) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into staff_sync_row (id, version, created_at, updated_at, job_id, line, mis_staff_id, outcome,
                                                practitioner_id, fields, reasons)
                    values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int pending = 0;
                for (StaffSyncRow row : rows) {
                    OffsetDateTime at = OffsetDateTime.ofInstant(row.createdAt, ZoneOffset.UTC);
                    insert.setObject(1, row.id);
                    insert.setObject(2, at);
                    insert.setObject(3, at);
                    insert.setObject(4, row.jobId);
                    insert.setObject(5, row.line);
                    insert.setString(6, row.misStaffId);
                    insert.setString(7, row.outcome.name());
                    insert.setObject(8, row.practitionerId);
                    Array fields = connection.createArrayOf("text", row.fields);
                    Array reasons = connection.createArrayOf("text", row.reasons);
                    insert.setArray(9, fields);
                    insert.setArray(10, reasons);
                    insert.addBatch();
                    if (++pending == CHUNK) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
