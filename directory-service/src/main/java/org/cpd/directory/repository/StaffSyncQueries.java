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
import java.util.Set;
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
     * Remembers (or moves) the MIS staff ids of practitioners at a school: a few statements of thousands of rows each,
     * written past Hibernate, so a sync does not flush its session before each one.
     */
    public void rememberMisIds(UUID schoolId, Map<String, UUID> practitionerByMisId, Set<UUID> created) {
        List<Map.Entry<String, UUID>> ids = new ArrayList<>(practitionerByMisId.entrySet());
        inChunks(ids, (connection, chunk) -> {
            Array misIds = connection.createArrayOf("text", chunk.stream().map(Map.Entry::getKey).toArray());
            Array practitioners = connection.createArrayOf("uuid", chunk.stream().map(Map.Entry::getValue).toArray());
            // a practitioner created by this sync has no MIS id to forget: a file of new staff skips the statement
            if (chunk.stream().anyMatch(id -> !created.contains(id.getValue()))) {
                try (PreparedStatement forget = connection.prepareStatement("""
                        delete from practitioner_mis_id m using unnest(?::text[], ?::uuid[]) as n (mis_staff_id, practitioner_id)
                        where m.school_id = ? and m.practitioner_id = n.practitioner_id and m.mis_staff_id <> n.mis_staff_id""")) {
                    forget.setArray(1, misIds);
                    forget.setArray(2, practitioners);
                    forget.setObject(3, schoolId);
                    forget.executeUpdate();
                }
            }
            try (PreparedStatement remember = connection.prepareStatement("""
                    insert into practitioner_mis_id (school_id, mis_staff_id, practitioner_id)
                    select ?, n.mis_staff_id, n.practitioner_id from unnest(?::text[], ?::uuid[]) as n (mis_staff_id, practitioner_id)
                    on conflict (school_id, mis_staff_id) do update set practitioner_id = excluded.practitioner_id""")) {
                remember.setObject(1, schoolId);
                remember.setArray(2, misIds);
                remember.setArray(3, practitioners);
                remember.executeUpdate();
            }
        });
    }

    /** Where a detached practitioner's school and organisation come from (managed, read-only). */
    public record Places(Function<UUID, School> schools, Function<UUID, Organisation> organisations) {
    }

    private static final String SNAPSHOT = """
            select p.id, p.version, p.created_at, p.updated_at, p.full_name, p.email, p.trn, p.school_id, p.organisation_id,
                   p.career_stage, p.subjects, p.phases, p.partnership_ids, p.active, p.merged_into,
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
        p.mergedInto = rs.getObject("merged_into", UUID.class);
        p.lineManagerIds = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("managers").getArray()));
        p.appraiserIds = new LinkedHashSet<>(Arrays.asList((UUID[]) rs.getArray("appraisers").getArray()));
        return p;
    }

    /** New practitioners, five hundred per statement; their line managers are written by {@link #replaceLineManagers}. */
    public void insertPractitioners(List<Practitioner> created, Instant now) {
        inChunks(created, (connection, chunk) -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into practitioner (id, version, created_at, updated_at, full_name, email, trn, school_id, organisation_id,
                                              career_stage, subjects, phases, partnership_ids, active)
                    select n.id, 0, ?, ?, n.full_name, n.email, n.trn, n.school_id, n.organisation_id, n.career_stage,
                           n.subjects::text[], n.phases::text[], n.partnership_ids::uuid[], n.active
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::boolean[])
                         as n (id, full_name, email, trn, school_id, organisation_id, career_stage, subjects, phases,
                               partnership_ids, active)""")) {
                insert.setObject(1, utc(now));
                insert.setObject(2, utc(now));
                facts(connection, insert, 3, chunk);
                insert.executeUpdate();
            }
        });
    }

    /**
     * Changed practitioners, five hundred per statement, each only if it is still at the version it was read at
     * (then its version is raised, as Hibernate's optimistic lock would); one changed meanwhile aborts the sync.
     */
    public void updatePractitioners(List<Practitioner> updated, Instant now) {
        inChunks(updated, (connection, chunk) -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update practitioner p set full_name = n.full_name, email = n.email, trn = n.trn, school_id = n.school_id,
                           organisation_id = n.organisation_id, career_stage = n.career_stage, subjects = n.subjects::text[],
                           phases = n.phases::text[], partnership_ids = n.partnership_ids::uuid[], active = n.active,
                           deactivated_at = case when n.active then null else p.deactivated_at end,
                           updated_at = ?, version = p.version + 1
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                                ?::text[], ?::boolean[], ?::bigint[])
                         as n (id, full_name, email, trn, school_id, organisation_id, career_stage, subjects, phases,
                               partnership_ids, active, version)
                    where p.id = n.id and p.version = n.version""")) {
                update.setObject(1, utc(now));
                facts(connection, update, 2, chunk);
                update.setArray(13, connection.createArrayOf("int8", chunk.stream().map(p -> p.version).toArray()));
                if (update.executeUpdate() != chunk.size()) {
                    // what Hibernate's version check raises: 412, read again and retry
                    throw new OptimisticLockException("A practitioner of this file was changed while it was applied");
                }
            }
        });
        updated.forEach(p -> p.version++);
    }

    /**
     * The line managers of these practitioners become exactly their {@code lineManagerIds}; those in {@code created}
     * are new to the directory, so have no links to forget.
     */
    public void replaceLineManagers(List<Practitioner> practitioners, Set<UUID> created) {
        inChunks(practitioners.stream().filter(p -> !created.contains(p.id)).toList(), (connection, chunk) -> {
            try (PreparedStatement forget = connection.prepareStatement("delete from line_management where practitioner_id = any(?)")) {
                forget.setArray(1, connection.createArrayOf("uuid", chunk.stream().map(p -> p.id).toArray()));
                forget.executeUpdate();
            }
        });
        List<UUID[]> links = new ArrayList<>();
        practitioners.forEach(p -> p.lineManagerIds.forEach(m -> links.add(new UUID[] {p.id, m})));
        inChunks(links, (connection, chunk) -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into line_management (practitioner_id, manager_id) select * from unnest(?::uuid[], ?::uuid[])")) {
                insert.setArray(1, connection.createArrayOf("uuid", chunk.stream().map(l -> l[0]).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid", chunk.stream().map(l -> l[1]).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Marks these practitioners' logins due, as {@code AccountProvisioning.changed} does one by one: a new account is
     * invited if the person is active, an existing one moves to its next generation.
     */
    public void accountsChanged(List<Practitioner> practitioners, Instant now) {
        inChunks(practitioners, (connection, chunk) -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into account (id, version, created_at, updated_at, state, generation, synced_generation, invite_requested,
                                         attempts)
                    select n.id, 0, ?, ?, 'PENDING', 1, 0, n.invite, 0 from unnest(?::uuid[], ?::boolean[]) as n (id, invite)
                    on conflict (id) do update set generation = account.generation + 1, next_attempt_at = null, attempts = 0,
                                                   version = account.version + 1, updated_at = excluded.updated_at""")) {
                upsert.setObject(1, utc(now));
                upsert.setObject(2, utc(now));
                upsert.setArray(3, connection.createArrayOf("uuid", chunk.stream().map(p -> p.id).toArray()));
                upsert.setArray(4, connection.createArrayOf("bool", chunk.stream().map(p -> p.active).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    private interface ChunkWriter<T> {
        void write(Connection connection, List<T> chunk) throws SQLException;
    }

    /**
     * Runs {@code writer} on each {@link #CHUNK} values, past Hibernate (one statement per chunk, values as arrays);
     * a unique index refusing a row is the sync's 409.
     */
    private <T> void inChunks(List<T> values, ChunkWriter<T> writer) {
        if (values.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < values.size(); from += CHUNK) {
                try {
                    writer.write(connection, values.subList(from, Math.min(values.size(), from + CHUNK)));
                } catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw RuleViolation.conflict("duplicate-practitioner", "Another practitioner took an email or TRN of this "
                                + "file while it was applied; nothing was written");
                    }
                    throw e;
                }
            }
        });
    }

    /** The record's facts as 11 array parameters from {@code from}, one element per practitioner. */
    private static void facts(Connection connection, PreparedStatement statement, int from, List<Practitioner> chunk)
            throws SQLException {
        statement.setArray(from, connection.createArrayOf("uuid", chunk.stream().map(p -> p.id).toArray()));
        statement.setArray(from + 1, connection.createArrayOf("text", chunk.stream().map(p -> p.fullName).toArray()));
        statement.setArray(from + 2, connection.createArrayOf("text", chunk.stream().map(p -> p.email).toArray()));
        statement.setArray(from + 3, connection.createArrayOf("text", chunk.stream().map(p -> p.trn).toArray()));
        statement.setArray(from + 4, connection.createArrayOf("uuid", chunk.stream().map(p -> p.school == null ? null : p.school.id).toArray()));
        statement.setArray(from + 5, connection.createArrayOf("uuid",
                chunk.stream().map(p -> p.organisation == null ? null : p.organisation.id).toArray()));
        statement.setArray(from + 6, connection.createArrayOf("text", chunk.stream().map(p -> p.careerStage.name()).toArray()));
        statement.setArray(from + 7, connection.createArrayOf("text", chunk.stream().map(p -> literal(p.subjects)).toArray()));
        statement.setArray(from + 8, connection.createArrayOf("text", chunk.stream().map(p -> literal(p.phases)).toArray()));
        statement.setArray(from + 9, connection.createArrayOf("text", chunk.stream().map(p -> literal(p.partnershipIds)).toArray()));
        statement.setArray(from + 10, connection.createArrayOf("bool", chunk.stream().map(p -> p.active).toArray()));
    }

    /** A PostgreSQL array literal of these values, each quoted: an array of arrays travels as an array of these. */
    static String literal(Object[] values) {
        StringBuilder s = new StringBuilder("{");
        for (Object v : values) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Writes a job's rows, five hundred per statement (a file can have tens of thousands). */
    public void insertRows(List<StaffSyncRow> rows) {
        inChunks(rows, (connection, chunk) -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into staff_sync_row (id, version, created_at, updated_at, job_id, line, mis_staff_id, outcome,
                                                practitioner_id, fields, reasons)
                    select n.id, 0, n.at, n.at, n.job_id, n.line, n.mis_staff_id, n.outcome, n.practitioner_id, n.fields::text[],
                           n.reasons::text[]
                    from unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[])
                         as n (id, at, job_id, line, mis_staff_id, outcome, practitioner_id, fields, reasons)""")) {
                insert.setArray(1, connection.createArrayOf("uuid", chunk.stream().map(r -> r.id).toArray()));
                insert.setArray(2, connection.createArrayOf("timestamptz", chunk.stream().map(r -> utc(r.createdAt)).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid", chunk.stream().map(r -> r.jobId).toArray()));
                insert.setArray(4, connection.createArrayOf("int4", chunk.stream().map(r -> r.line).toArray()));
                insert.setArray(5, connection.createArrayOf("text", chunk.stream().map(r -> r.misStaffId).toArray()));
                insert.setArray(6, connection.createArrayOf("text", chunk.stream().map(r -> r.outcome.name()).toArray()));
                insert.setArray(7, connection.createArrayOf("uuid", chunk.stream().map(r -> r.practitionerId).toArray()));
                insert.setArray(8, connection.createArrayOf("text", chunk.stream().map(r -> literal(r.fields)).toArray()));
                insert.setArray(9, connection.createArrayOf("text", chunk.stream().map(r -> literal(r.reasons)).toArray()));
                insert.executeUpdate();
            }
        });
    }
}
