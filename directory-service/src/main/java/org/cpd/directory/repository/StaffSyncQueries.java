package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.StaffSyncRow;
import org.hibernate.Session;

/**
 * The lookups and bulk writes of a staff sync: one query per few hundred rows, not per row. Practitioners are
 * read as detached copies (never managed by the persistence context, so it does not grow with the file and
 * nothing is dirty-checked) and written back in JDBC batches (docs/adr/0016-staff-sync-jobs.md, Cost).
 */
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

    /** Where a detached practitioner's school and organisation come from (managed, read-only). */
    public record Places(Function<UUID, School> schools, Function<UUID, Organisation> organisations) {
    }

    private static final String SNAPSHOT = """
            select p.id, p.version, p.created_at, p.updated_at, p.full_name, p.email, p.trn, p.school_id, p.organisation_id,
                   p.career_stage, p.subjects, p.phases, p.partnership_ids, p.active,
                   array(select l.manager_id from line_management l where l.practitioner_id = p.id) as managers,
                   array(select a.appraiser_id from appraisal a where a.practitioner_id = p.id) as appraisers
            from practitioner p where\s""";

    /** Everyone at the school, active or not, as detached copies. */
    public List<Practitioner> staffOf(UUID schoolId, Places places) {
        return snapshots("p.school_id = ?", schoolId, places);
    }

    /** Whoever holds any of these TRNs, anywhere (the caller decides who may be matched), as detached copies. */
    public List<Practitioner> holdersOfTrns(Collection<String> trns, Places places) {
        return trns.isEmpty() ? List.of() : snapshots("p.trn = any(?)", trns.toArray(String[]::new), places);
    }

    /** Whoever holds any of these emails (given in lower case), anywhere, as detached copies. */
    public List<Practitioner> holdersOfEmails(Collection<String> emails, Places places) {
        return emails.isEmpty() ? List.of() : snapshots("lower(p.email) = any(?)", emails.toArray(String[]::new), places);
    }

    /** These practitioners, as detached copies. */
    public List<Practitioner> byIds(Collection<UUID> ids, Places places) {
        return ids.isEmpty() ? List.of() : snapshots("p.id = any(?)", ids.toArray(UUID[]::new), places);
    }

    private List<Practitioner> snapshots(String where, Object parameter, Places places) {
        List<Practitioner> found = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SNAPSHOT + where)) {
                if (parameter instanceof Object[] values) {
                    select.setArray(1, connection.createArrayOf(values instanceof UUID[] ? "uuid" : "text", values));
                } else {
                    select.setObject(1, parameter);
                }
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(snapshot(rs, places));
                    }
                }
            }
        });
        return found;
    }

    private static Practitioner snapshot(ResultSet rs, Places places) throws SQLException {
        Practitioner p = new Practitioner();
        p.id = rs.getObject("id", UUID.class);
        p.version = rs.getLong("version");
        p.createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        p.updatedAt = rs.getObject("updated_at", OffsetDateTime.class).toInstant();
        p.fullName = rs.getString("full_name");
        p.email = rs.getString("email");
        p.trn = rs.getString("trn");
        UUID school = rs.getObject("school_id", UUID.class);
        UUID organisation = rs.getObject("organisation_id", UUID.class);
        p.school = school == null ? null : places.schools().apply(school);
        p.organisation = organisation == null ? null : places.organisations().apply(organisation);
        p.careerStage = CareerStage.valueOf(rs.getString("career_stage"));
        p.subjects = (String[]) rs.getArray("subjects").getArray();
        p.phases = (String[]) rs.getArray("phases").getArray();
        p.partnershipIds = (UUID[]) rs.getArray("partnership_ids").getArray();
        p.active = rs.getBoolean("active");
        p.lineManagerIds = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("managers").getArray()));
        p.appraiserIds = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("appraisers").getArray()));
        return p;
    }

    /** New practitioners, in batches; their line managers are written by {@link #replaceLineManagers}. */
    public void insertPractitioners(Collection<Practitioner> created) {
        write(created, """
                insert into practitioner (id, version, created_at, updated_at, full_name, email, trn, school_id, organisation_id,
                                          career_stage, subjects, phases, partnership_ids, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", (connection, insert, p) -> {
            insert.setObject(1, p.id);
            insert.setLong(2, p.version);
            insert.setObject(3, utc(p.createdAt));
            insert.setObject(4, utc(p.updatedAt));
            facts(connection, insert, 5, p);
        }, null);
    }

    /**
     * Changed practitioners, in batches, each only if it is still at the version it was read at (then its version is
     * raised, as Hibernate's optimistic lock would); one changed meanwhile aborts the sync.
     */
    public void updatePractitioners(Collection<Practitioner> updated) {
        write(updated, """
                update practitioner set full_name = ?, email = ?, trn = ?, school_id = ?, organisation_id = ?, career_stage = ?,
                                        subjects = ?, phases = ?, partnership_ids = ?, active = ?, updated_at = ?,
                                        version = version + 1
                where id = ? and version = ?""", (connection, update, p) -> {
            facts(connection, update, 1, p);
            update.setObject(11, utc(p.updatedAt));
            update.setObject(12, p.id);
            update.setLong(13, p.version);
        }, counts -> {
            for (int count : counts) {
                if (count != 1 && count != PreparedStatement.SUCCESS_NO_INFO) {
                    // what Hibernate's version check raises: 412, read again and retry
                    throw new OptimisticLockException("A practitioner of this file was changed while it was applied");
                }
            }
        });
        updated.forEach(p -> p.version++);
    }

    /** The line managers of these practitioners become exactly their {@code lineManagerIds}. */
    public void replaceLineManagers(Collection<Practitioner> practitioners) {
        if (practitioners.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement forget = connection.prepareStatement("delete from line_management where practitioner_id = any(?)")) {
                forget.setArray(1, connection.createArrayOf("uuid", practitioners.stream().map(p -> p.id).toArray(UUID[]::new)));
                forget.executeUpdate();
            }
        });
        List<UUID[]> links = new ArrayList<>();
        practitioners.forEach(p -> p.lineManagerIds.forEach(m -> links.add(new UUID[] {p.id, m})));
        write(links, "insert into line_management (practitioner_id, manager_id) values (?, ?)", (connection, insert, link) -> {
            insert.setObject(1, link[0]);
            insert.setObject(2, link[1]);
        }, null);
    }

    /**
     * Marks these practitioners' logins due, as {@code AccountProvisioning.changed} does one by one: a new account is
     * invited if the person is active, an existing one moves to its next generation.
     */
    public void accountsChanged(Collection<Practitioner> practitioners, Instant now) {
        write(practitioners, """
                insert into account (id, version, created_at, updated_at, state, generation, synced_generation, invite_requested, attempts)
                values (?, 0, ?, ?, 'PENDING', 1, 0, ?, 0)
                on conflict (id) do update set generation = account.generation + 1, next_attempt_at = null, attempts = 0,
                                               version = account.version + 1, updated_at = excluded.updated_at""",
                (connection, upsert, p) -> {
                    upsert.setObject(1, p.id);
                    upsert.setObject(2, utc(now));
                    upsert.setObject(3, utc(now));
                    upsert.setBoolean(4, p.active);
                }, null);
    }

    /** An event for the outbox, its payload already JSON (the publisher builds it). */
    public record OutboxRow(UUID eventId, String aggregateType, String aggregateId, String eventType, String payload,
                            Instant occurredAt, String traceParent) {
    }

    /** Events written to the outbox in batches, in this order (the relay publishes by the table's sequence). */
    public void insertOutbox(List<OutboxRow> rows) {
        write(rows, """
                insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, trace_parent)
                values (?, ?, ?, ?, ?, ?, ?)""", (connection, insert, e) -> {
            insert.setObject(1, e.eventId());
            insert.setString(2, e.aggregateType());
            insert.setString(3, e.aggregateId());
            insert.setString(4, e.eventType());
            insert.setString(5, e.payload());
            insert.setObject(6, utc(e.occurredAt()));
            insert.setString(7, e.traceParent());
        }, null);
    }

    private interface Binder<T> {
        void bind(Connection connection, PreparedStatement statement, T value) throws SQLException;
    }

    private interface Counts {
        void check(int[] counts);
    }

    /** One statement, executed in batches of {@link #CHUNK}; a unique index refusing a row is the sync's 409. */
    private <T> void write(Collection<T> values, String sql, Binder<T> binder, Counts counts) {
        if (values.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T value : values) {
                    binder.bind(connection, statement, value);
                    statement.addBatch();
                    if (++pending == CHUNK) {
                        execute(statement, counts);
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    execute(statement, counts);
                }
            }
        });
    }

    private static void execute(PreparedStatement statement, Counts counts) throws SQLException {
        int[] done;
        try {
            done = statement.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            if ("23505".equals(cause.getSQLState()) || "23505".equals(e.getSQLState())) {
                throw RuleViolation.conflict("duplicate-practitioner", "Another practitioner took an email or TRN of this file "
                        + "while it was applied; nothing was written");
            }
            throw e;
        }
        if (counts != null) {
            counts.check(done);
        }
    }

    private static void facts(Connection connection, PreparedStatement statement, int from, Practitioner p) throws SQLException {
        statement.setString(from, p.fullName);
        statement.setString(from + 1, p.email);
        statement.setString(from + 2, p.trn);
        statement.setObject(from + 3, p.school == null ? null : p.school.id);
        statement.setObject(from + 4, p.organisation == null ? null : p.organisation.id);
        statement.setString(from + 5, p.careerStage.name());
        statement.setArray(from + 6, connection.createArrayOf("text", p.subjects));
        statement.setArray(from + 7, connection.createArrayOf("text", p.phases));
        statement.setArray(from + 8, connection.createArrayOf("uuid", p.partnershipIds));
        statement.setBoolean(from + 9, p.active);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
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
