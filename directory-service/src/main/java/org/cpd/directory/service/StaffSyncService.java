package org.cpd.directory.service;

import org.cpd.directory.config.StaffSyncConfig;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.IdentityResolution;
import org.cpd.directory.domain.IdentityResolution.Outcome;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.LineManagement;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.StaffFile;
import org.cpd.directory.domain.StaffFile.Column;
import org.cpd.directory.domain.StaffSyncJob;
import org.cpd.directory.domain.StaffSyncOutcome;
import org.cpd.directory.domain.StaffSyncStatus;
import org.cpd.directory.domain.StaffSyncMode;
import org.cpd.directory.domain.StaffSyncRow;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.repository.StaffSyncQueries;
import org.jboss.logging.Logger;

/**
 * A school's staff file from its MIS, run as a job (docs/integrations.md, docs/adr/0016-staff-sync-jobs.md):
 * every row is read and matched first, by (school, MIS staff id), then TRN, then email, among the people
 * the caller manages only (docs/adr/0014-tenant-safe-identity-matching.md); then, unless it is a dry run
 * or an atomic run with a rejected row, the outcomes are applied in the same transaction. The job and each
 * row's outcome are recorded either way.
 */
@ApplicationScoped
public class StaffSyncService {

    /** How to run a sync. */
    public record Options(StaffSyncMode mode, boolean dryRun, boolean atomic) {
    }

    /** The formats a staff file comes in. */
    public enum Format {
        CSV, JSON
    }

    /** The file as the request carries it: streamed, never read whole. */
    public record Upload(InputStream body, Format format, String charset) {
    }

    /** A job with the school it belongs to. */
    public record Job(StaffSyncJob job, School school) {
    }

    private static final Logger LOG = Logger.getLogger(StaffSyncService.class);

    /** Leave dates are the school's dates. */
    private static final ZoneId SCHOOLS = ZoneId.of("Europe/London");

    @Inject
    StaffSyncConfig config;

    @Inject
    CurrentUser user;

    @Inject
    StaffSyncQueries queries;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    PractitionerService practitioners;

    @Inject
    AppointmentService appointments;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** One row on its way through the sync: what it asks for and what it comes to. */
    private static final class Planned {
        final StaffFile.Row row;
        final List<StaffFile.Problem> problems;
        Practitioner match;
        UUID newId;
        Planned manager;
        StaffSyncOutcome outcome;

        Planned(StaffFile.Row row) {
            this.row = row;
            this.problems = new ArrayList<>(row.problems());
        }

        void reject(String field, String reason) {
            problems.add(new StaffFile.Problem(field, reason));
        }

        boolean usable() {
            return problems.isEmpty();
        }

        UUID id() {
            return match != null ? match.id : newId;
        }
    }

    // a school's whole file in one transaction: longer than the default timeout allows on a busy machine
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Job sync(School school, Options options, Upload upload) {
        DirectoryAccess access = requireManages(school);
        Steps steps = new Steps();
        List<Planned> rows = new ArrayList<>();
        Set<Column> columns = StaffFileReader.read(new StaffFileReader.Source(upload.body(), upload.format(), upload.charset(), config.maxRows()),
                read -> rows.add(new Planned(StaffFile.read(read.getKey(), read.getValue(), school.urn))));
        if (rows.isEmpty() && options.mode() == StaffSyncMode.FULL) {
            throw RuleViolation.invalidField("body", "has no rows: a full sync of an empty file would deactivate every member "
                    + "of staff; nothing was written");
        }
        LocalDate today = LocalDate.now(SCHOOLS);
        steps.done("read");

        rejectRepeats(rows, r -> r.row.misStaffId(), Column.MIS_STAFF_ID.field);
        rejectRepeats(rows, r -> r.row.trn(), Column.TRN.field);
        rejectRepeats(rows, r -> Identifiers.normaliseEmail(r.row.email()), Column.EMAIL.field);

        // detached copies: the persistence context never holds the school's staff (ADR 0016, Cost)
        Map<UUID, School> schools = new HashMap<>(Map.of(school.id, school));
        StaffSyncQueries.Places places = new StaffSyncQueries.Places(id -> schools.computeIfAbsent(id, k -> School.findById(k)),
                Organisation::findById);
        List<Practitioner> staff = queries.staffOf(school.id, places);
        Map<UUID, Practitioner> byId = new HashMap<>();
        Map<String, Practitioner> byTrn = new HashMap<>();
        Map<String, Practitioner> byEmail = new HashMap<>();
        staff.forEach(p -> index(p, byId, byTrn, byEmail));
        queries.holdersOfTrns(rows.stream().map(r -> r.row.trn()).filter(t -> t != null && !byTrn.containsKey(t)).collect(Collectors.toSet()),
                        places)
                .forEach(p -> index(p, byId, byTrn, byEmail));
        queries.holdersOfEmails(rows.stream().map(r -> Identifiers.normaliseEmail(r.row.email()))
                        .filter(e -> e != null && !byEmail.containsKey(e)).collect(Collectors.toSet()), places)
                .forEach(p -> index(p, byId, byTrn, byEmail));
        Map<String, UUID> misIds = queries.misIdsAt(school.id);
        // people the school's MIS ids name who have moved on to another school since
        queries.byIds(misIds.values().stream().filter(id -> !byId.containsKey(id)).collect(Collectors.toSet()), places)
                .forEach(p -> byId.put(p.id, p));

        Set<UUID> mentioned = new HashSet<>();
        Map<UUID, Planned> claimed = new HashMap<>();
        for (Planned r : rows) {
            match(r, access, school, misIds, byId, byTrn, byEmail, mentioned, claimed, today);
        }
        boolean linesInFile = columns.contains(Column.LINE_MANAGER_MIS_ID);
        if (linesInFile) {
            resolveLineManagers(rows, today);
        }

        StaffSyncJob job = new StaffSyncJob();
        job.id = UUID.randomUUID();
        job.schoolId = school.id;
        job.requestedBy = Objects.requireNonNullElse(user.caller().subject(), Objects.requireNonNullElse(user.caller().clientId(), "unknown"));
        job.mode = options.mode();
        job.dryRun = options.dryRun();
        job.atomic = options.atomic();
        for (Planned r : rows) {
            r.outcome = r.usable() ? outcome(r, school, columns, today) : StaffSyncOutcome.REJECTED;
            job.count(r.outcome);
        }
        job.rows = rows.size();
        List<Practitioner> absent = options.mode() == StaffSyncMode.FULL
                ? staff.stream().filter(p -> p.active && !mentioned.contains(p.id)).toList() : List.of();
        job.deactivated += absent.size();
        job.status = job.rejected == 0 ? StaffSyncStatus.COMPLETED
                : options.atomic() ? StaffSyncStatus.ABORTED : StaffSyncStatus.COMPLETED_WITH_REJECTIONS;
        boolean write = !options.dryRun() && job.status != StaffSyncStatus.ABORTED;
        steps.done("matched");
        if (write) {
            apply(rows, absent, school, misIds, columns, today, steps);
        }
        job.persist();
        em.flush(); // the rows below are written past Hibernate and reference the job
        queries.insertRows(outcomes(job, rows, absent, misIds, write));
        steps.done("outcomes recorded");
        if (!options.dryRun()) {
            audit.record("import", "staff", school.id, "staff sync job " + job.id + ": " + job.status + ", " + job.rows + " rows");
        }
        LOG.infof("staff sync %s of school %s: %d rows, %s; %s", job.id, school.urn, job.rows, job.status, steps);
        return new Job(job, school);
    }

    /** How long each step of a sync took, for the log. */
    private static final class Steps {
        private final StringBuilder took = new StringBuilder();
        private long since = System.nanoTime();

        void done(String step) {
            long now = System.nanoTime();
            took.append(took.isEmpty() ? "" : ", ").append(step).append(' ').append((now - since) / 1_000_000).append(" ms");
            since = now;
        }

        @Override
        public String toString() {
            return took.toString();
        }
    }

    public Job job(School school, UUID id) {
        requireManages(school);
        StaffSyncJob job = StaffSyncJob.findById(id);
        if (job == null || !job.schoolId.equals(school.id)) {
            throw RuleViolation.notFound("staff sync", id);
        }
        return new Job(job, school);
    }

    public Page<StaffSyncJob> jobs(School school, PageRequest page) {
        requireManages(school);
        page.validate();
        return Paging.page(page, Criteria.where().and("schoolId = :school", "school", school.id), StaffSyncJob.class);
    }

    public Page<StaffSyncRow> rows(School school, UUID id, PageRequest page, StaffSyncOutcome outcome) {
        page.validate();
        StaffSyncJob job = job(school, id).job();
        return Paging.page(page, Criteria.where().and("jobId = :job", "job", job.id).and("outcome = :outcome", "outcome", outcome),
                StaffSyncRow.class);
    }

    /** Leads and MIS clients of the school and admins of its partnerships; anyone else is told it does not exist. */
    private DirectoryAccess requireManages(School school) {
        DirectoryAccess access = new DirectoryAccess(user.caller());
        if (!access.leadsSchool(school) && !access.administersAny(school.partnershipIds)) {
            throw RuleViolation.notFound("school", school.urn);
        }
        return access;
    }

    /** A value on more than one row names nobody for sure: every such row is rejected. */
    private static void rejectRepeats(List<Planned> rows, Function<Planned, String> value, String field) {
        Map<String, List<Long>> lines = new HashMap<>();
        for (Planned r : rows) {
            String v = value.apply(r);
            if (v != null) {
                lines.computeIfAbsent(v, k -> new ArrayList<>()).add(r.row.line());
            }
        }
        for (Planned r : rows) {
            String v = value.apply(r);
            if (v != null && lines.get(v).size() > 1) {
                r.reject(field, "appears on more than one row of this file (lines "
                        + lines.get(v).stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private static void index(Practitioner p, Map<UUID, Practitioner> byId, Map<String, Practitioner> byTrn,
                              Map<String, Practitioner> byEmail) {
        byId.put(p.id, p);
        if (p.trn != null) {
            byTrn.put(p.trn, p);
        }
        byEmail.put(Identifiers.normaliseEmail(p.email), p);
    }

    private void match(Planned r, DirectoryAccess access, School school, Map<String, UUID> misIds, Map<UUID, Practitioner> byId,
                       Map<String, Practitioner> byTrn, Map<String, Practitioner> byEmail, Set<UUID> mentioned,
                       Map<UUID, Planned> claimed, LocalDate today) {
        StaffFile.Row row = r.row;
        UUID mapped = row.misStaffId() == null ? null : misIds.get(row.misStaffId());
        Practitioner byMis = mapped == null ? null : byId.get(mapped);
        Practitioner holderOfTrn = row.trn() == null ? null : byTrn.get(row.trn());
        Practitioner holderOfEmail = row.email() == null ? null : byEmail.get(Identifiers.normaliseEmail(row.email()));
        // Whoever a row names, even a rejected one, is in the file: a full sync never deactivates them.
        for (Practitioner named : Arrays.asList(byMis, holderOfTrn, holderOfEmail)) {
            if (named != null && named.school != null && named.school.id.equals(school.id)) {
                mentioned.add(named.id);
            }
        }
        if (!r.usable()) {
            return;
        }
        if (byMis != null && access.managesPractitioner(byMis)) {
            for (var held : List.of(Map.entry(Column.TRN.field, Optional.ofNullable(holderOfTrn)),
                    Map.entry(Column.EMAIL.field, Optional.ofNullable(holderOfEmail)))) {
                Practitioner holder = held.getValue().orElse(null);
                if (holder != null && !holder.id.equals(byMis.id)) {
                    r.reject(held.getKey(), IdentityResolution.outsideScope(access, holder) ? IdentityResolution.OUTSIDE_SCOPE
                            : "belongs to another practitioner than the MIS staff id");
                }
            }
            r.match = byMis;
        } else {
            Outcome outcome = IdentityResolution.resolve(access, holderOfTrn, holderOfEmail);
            if (outcome instanceof Outcome.Refused refused) {
                r.reject(refused.field(), refused.reason());
            } else if (outcome instanceof Outcome.Match m) {
                r.match = m.practitioner();
            }
        }
        if (r.match != null && r.match.isMerged()) {
            // only the e-mail can still name a merged-away record (its TRN and MIS ids went to the survivor)
            r.reject(Column.EMAIL.field, "belongs to a record merged into " + r.match.mergedInto
                    + " (docs/adr/0017-merges-and-tombstones.md): send that person's e-mail or MIS staff id");
            r.match = null;
            return;
        }
        if (r.match != null) {
            Planned first = claimed.putIfAbsent(r.match.id, r);
            if (first != null) {
                r.reject(Column.MIS_STAFF_ID.field, "names the same person as line " + first.row.line());
            }
        } else if (row.careerStage() == null && !row.hasLeft(today)) {
            r.reject(Column.ROLE.field, "is required for a person new to the directory (one of the career stages)");
        }
        if (r.usable() && r.match == null && !row.hasLeft(today)) {
            r.newId = UUID.randomUUID();
        }
    }

    /**
     * Each row's line manager is another row of the file, staying at the school; a chain that goes
     * round in a circle is rejected on every row of it (docs/architecture.md#rule-2-buffer-zones), and so,
     * in turn, is anyone whose manager's row was rejected.
     */
    private static void resolveLineManagers(List<Planned> rows, LocalDate today) {
        Map<String, Planned> byMisId = new HashMap<>();
        Map<UUID, Planned> byId = new HashMap<>();
        for (Planned r : rows) {
            if (r.row.misStaffId() != null) {
                byMisId.putIfAbsent(r.row.misStaffId(), r);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            byId.clear();
            for (Planned r : rows) {
                if (r.usable() && r.id() != null) {
                    byId.put(r.id(), r);
                }
            }
            List<Planned> inCycles = new ArrayList<>();
            for (Planned r : rows) {
                String managerId = r.row.lineManagerMisId();
                if (!r.usable() || managerId == null || r.row.hasLeft(today)) {
                    continue;
                }
                Planned manager = byMisId.get(managerId);
                String field = Column.LINE_MANAGER_MIS_ID.field;
                if (manager == null) {
                    r.reject(field, "no row of this file has MIS staff id " + managerId);
                } else if (!manager.usable()) {
                    r.reject(field, "the line manager's row (line " + manager.row.line() + ") was rejected");
                } else if (manager.row.hasLeft(today)) {
                    r.reject(field, "the line manager (line " + manager.row.line() + ") has left");
                } else {
                    r.manager = manager;
                    Function<UUID, Set<UUID>> managersOf = id -> {
                        Planned p = byId.get(id);
                        return p == null || p.row.lineManagerMisId() == null || byMisId.get(p.row.lineManagerMisId()) == null
                                || byMisId.get(p.row.lineManagerMisId()).id() == null
                                ? Set.of() : Set.of(byMisId.get(p.row.lineManagerMisId()).id());
                    };
                    Optional<List<UUID>> cycle = LineManagement.cycle(r.id(), Set.of(manager.id()), managersOf);
                    if (cycle.isPresent()) {
                        inCycles.add(r);
                    }
                    continue;
                }
                changed = true;
            }
            for (Planned r : inCycles) {
                r.reject(Column.LINE_MANAGER_MIS_ID.field, "line management would go round in a circle");
                changed = true;
            }
        }
    }

    private static StaffSyncOutcome outcome(Planned r, School school, Set<Column> columns, LocalDate today) {
        StaffFile.Row row = r.row;
        Practitioner p = r.match;
        if (row.hasLeft(today)) {
            return p != null && p.active ? StaffSyncOutcome.DEACTIVATED : StaffSyncOutcome.UNCHANGED;
        }
        if (p == null) {
            return StaffSyncOutcome.CREATED;
        }
        return factsChanged(r, school, columns) || linksChanged(r, columns) ? StaffSyncOutcome.UPDATED : StaffSyncOutcome.UNCHANGED;
    }

    /** Whether the row changes the record itself (anything but its line managers). */
    private static boolean factsChanged(Planned r, School school, Set<Column> columns) {
        StaffFile.Row row = r.row;
        Practitioner p = r.match;
        return !p.fullName.equals(row.fullName()) || !p.email.equalsIgnoreCase(row.email())
                || (row.trn() != null && !row.trn().equals(p.trn))
                || p.school == null || !p.school.id.equals(school.id) || p.organisation != null
                || (row.careerStage() != null && row.careerStage() != p.careerStage)
                || (columns.contains(Column.SUBJECTS) && !Arrays.equals(p.subjects, Enums.names(row.subjects())))
                || (columns.contains(Column.PHASES) && !Arrays.equals(p.phases, Enums.names(row.phases())))
                || !p.active;
    }

    private static boolean linksChanged(Planned r, Set<Column> columns) {
        return columns.contains(Column.LINE_MANAGER_MIS_ID) && !r.match.lineManagerIds.equals(managers(r));
    }

    private static Set<UUID> managers(Planned r) {
        return r.manager == null ? Set.of() : Set.of(r.manager.id());
    }

    /**
     * Writes the outcomes in bulk (ADR 0016, Cost): new and changed records, their line managers, MIS ids, accounts
     * due and events, each in JDBC batches, on detached copies, so the cost per row stays flat however long the file.
     * One event per created or updated person, carrying its final state, line managers included. Leavers then go the
     * one way a practitioner is deactivated, one by one.
     */
    private void apply(List<Planned> rows, List<Practitioner> absent, School school, Map<String, UUID> misIds, Set<Column> columns,
                       LocalDate today, Steps steps) {
        boolean lines = columns.contains(Column.LINE_MANAGER_MIS_ID);
        Instant now = TrackedEntity.now();
        List<Practitioner> created = new ArrayList<>();
        List<Practitioner> updated = new ArrayList<>();
        List<Practitioner> relinked = new ArrayList<>();
        List<Practitioner> moved = new ArrayList<>();
        List<Practitioner> leaving = new ArrayList<>(absent);
        Map<String, UUID> newMisIds = new HashMap<>();
        DirectoryEventPublisher.PractitionerBatch batch = events.practitionerBatch();
        for (Planned r : rows) {
            Practitioner written = null;
            switch (r.outcome) {
                case CREATED -> {
                    Practitioner p = new Practitioner();
                    p.id = r.newId;
                    p.createdAt = now;
                    p.updatedAt = now;
                    fill(p, r.row, school, columns);
                    if (lines) {
                        p.lineManagerIds.addAll(managers(r));
                        relinked.add(p);
                    }
                    created.add(p);
                    batch.registered(p);
                    written = p;
                }
                case UPDATED -> {
                    Practitioner p = r.match;
                    boolean facts = factsChanged(r, school, columns);
                    boolean links = linksChanged(r, columns);
                    if (p.school == null || !p.school.id.equals(school.id)) {
                        moved.add(p);
                    }
                    fill(p, r.row, school, columns);
                    p.reactivate();
                    p.updatedAt = now;
                    if (links) {
                        p.lineManagerIds = new LinkedHashSet<>(managers(r));
                        relinked.add(p);
                    }
                    updated.add(p);
                    if (facts) {
                        batch.updated(p);
                    } else {
                        batch.lineManagementChanged(p);
                    }
                    written = p;
                }
                case DEACTIVATED -> leaving.add(r.match);
                case UNCHANGED, REJECTED -> {
                }
            }
            Practitioner p = r.usable() ? (r.match != null ? r.match : written) : null;
            if (p != null && !Objects.equals(misIds.get(r.row.misStaffId()), p.id)) {
                newMisIds.put(r.row.misStaffId(), p.id);
            }
        }
        steps.done("planned");
        Set<UUID> createdIds = created.stream().map(p -> p.id).collect(Collectors.toSet());
        queries.insertPractitioners(created, now);
        queries.updatePractitioners(updated, now);
        steps.done("practitioners written");
        queries.replaceLineManagers(relinked, createdIds);
        steps.done("line managers written");
        queries.rememberMisIds(school.id, newMisIds, createdIds);
        steps.done("MIS ids written");
        List<Practitioner> due = new ArrayList<>(created);
        due.addAll(updated);
        queries.accountsChanged(due, now);
        steps.done("accounts written");
        batch.write();
        steps.done("events written");
        // Past here the persistence context reads the records as just written (nothing in it is dirty).
        em.flush();
        em.clear();
        for (Practitioner p : moved) {
            appointments.endThoseNoLongerHeld(p);
        }
        // the one way a practitioner is deactivated, so their events, appointments and account follow
        for (Practitioner p : leaving) {
            practitioners.deactivate(p.id, ETags.of(p));
        }
        steps.done("moves and leavers");
    }

    /**
     * The row's facts on the record. A blank TRN or role keeps the record's (a file without them never erases
     * them); subjects and phases are the file's whenever it has the column.
     */
    private static void fill(Practitioner p, StaffFile.Row row, School school, Set<Column> columns) {
        p.fullName = row.fullName();
        if (p.email == null || !p.email.equalsIgnoreCase(row.email())) {
            p.email = row.email();
        }
        if (row.trn() != null) {
            p.trn = row.trn();
        }
        if (row.careerStage() != null) {
            p.careerStage = row.careerStage();
        }
        if (columns.contains(Column.SUBJECTS)) {
            p.subjects = Enums.names(row.subjects());
        }
        if (columns.contains(Column.PHASES)) {
            p.phases = Enums.names(row.phases());
        }
        p.placeAt(school, null);
    }

    private static List<StaffSyncRow> outcomes(StaffSyncJob job, List<Planned> rows, List<Practitioner> absent,
                                               Map<String, UUID> misIds, boolean written) {
        List<StaffSyncRow> outcomes = new ArrayList<>(rows.size() + absent.size());
        Map<UUID, String> misIdOf = new HashMap<>();
        misIds.forEach((misId, practitioner) -> misIdOf.put(practitioner, misId));
        for (Planned r : rows) {
            StaffSyncRow row = row(job, outcomes.size());
            row.line = (int) r.row.line();
            row.misStaffId = r.row.misStaffId() == null || r.row.misStaffId().length() > StaffFile.MAX_MIS_ID_LENGTH
                    ? null : r.row.misStaffId();
            row.outcome = r.outcome;
            row.practitionerId = r.match != null ? r.match.id
                    : written && r.outcome == StaffSyncOutcome.CREATED ? r.newId : null;
            row.fields = r.problems.stream().map(StaffFile.Problem::field).toArray(String[]::new);
            row.reasons = r.problems.stream().map(StaffFile.Problem::reason).toArray(String[]::new);
            outcomes.add(row);
        }
        for (Practitioner p : absent) {
            StaffSyncRow row = row(job, outcomes.size());
            row.misStaffId = misIdOf.get(p.id);
            row.outcome = StaffSyncOutcome.DEACTIVATED;
            row.practitionerId = p.id;
            outcomes.add(row);
        }
        return outcomes;
    }

    private static StaffSyncRow row(StaffSyncJob job, int position) {
        StaffSyncRow row = new StaffSyncRow();
        row.id = StaffSyncRow.idOf(job.id, position);
        row.jobId = job.id;
        row.createdAt = job.createdAt;
        row.updatedAt = job.createdAt;
        return row;
    }
}
