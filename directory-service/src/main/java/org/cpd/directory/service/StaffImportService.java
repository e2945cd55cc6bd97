package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Enums;
import org.cpd.directory.domain.IdentityResolution;
import org.cpd.directory.domain.IdentityResolution.Outcome;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.ImportReport;
import org.cpd.directory.domain.ImportReport.RowError;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.Subject;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.cpd.directory.repository.PractitionerQueries;

/**
 * Staff lists pushed by a school's MIS (CSV). Each row is matched to an existing practitioner the caller
 * manages by TRN, then by email, and created or updated; bad rows (including an email or TRN of someone
 * the caller may not manage) are reported and skipped, good rows are applied. A file that cannot be read
 * as CSV is refused whole.
 */
@ApplicationScoped
@Transactional
public class StaffImportService {

    private static final List<String> COLUMNS = List.of("email", "fullName", "trn", "schoolUrn", "careerStage", "subjects", "phases");
    private static final int MAX_ROWS = 5000;

    @Inject
    CurrentUser user;

    @Inject
    DirectoryEventPublisher events;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    AppointmentService appointments;

    @Inject
    AccountProvisioning accounts;

    @Inject
    PractitionerQueries queries;

    public ImportReport importStaff(Reader csv) {
        Set<String> schoolUrns = user.caller().schoolUrns();
        DirectoryAccess access = new DirectoryAccess(user.caller());
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(csv)) {
            Set<String> header = new HashSet<>(parser.getHeaderNames());
            if (header.stream().anyMatch(StaffImportService::hasControlCharacters)) {
                throw malformed(1, "a column name contains control characters");
            }
            List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c) && !c.equals("trn")
                    && !c.equals("subjects") && !c.equals("phases")).toList();
            if (!missing.isEmpty()) {
                throw RuleViolation.invalidField("header", "missing columns " + missing + "; expected " + COLUMNS);
            }
            Iterator<CSVRecord> rows = parser.iterator();
            while (true) {
                // A record that cannot be read is reported at the line where it starts (an unterminated quote runs to the end).
                long startLine = parser.getCurrentLineNumber() + 1;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    records.add(rows.next());
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw malformed(startLine, "the record starting here cannot be read (an unterminated quote?)");
                }
                if (records.size() > MAX_ROWS) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw RuleViolation.invalid("malformed-csv", "The body is not a CSV staff list with a header row: " + e.getMessage());
        }
        if (records.size() > MAX_ROWS) {
            throw RuleViolation.invalidField("body", "at most " + MAX_ROWS + " rows per import");
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<RowError> errors = new ArrayList<>();
        Set<String> seenEmails = new HashSet<>();
        Set<String> seenTrns = new HashSet<>();
        for (CSVRecord r : records) {
            long row = r.getRecordNumber() + 1; // the header is line 1
            List<RowError> rowErrors = new ArrayList<>();
            Map<String, String> v = r.toMap();
            // NUL and other control characters cannot be stored (PostgreSQL refuses NUL) and are never part of a name.
            for (String column : COLUMNS) {
                if (hasControlCharacters(v.get(column))) {
                    rowErrors.add(new RowError(row, column, "must not contain control characters"));
                }
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            String email = v.getOrDefault("email", "");
            String fullName = v.getOrDefault("fullName", "");
            String trn = blankToNull(v.get("trn"));
            String urn = v.getOrDefault("schoolUrn", "");
            if (!Identifiers.isEmail(email)) {
                rowErrors.add(new RowError(row, "email", "must be an email address"));
            }
            if (fullName.isBlank() || fullName.length() > 200) {
                rowErrors.add(new RowError(row, "fullName", "must be 1 to 200 characters"));
            }
            if (trn != null && !Identifiers.isTrn(trn)) {
                rowErrors.add(new RowError(row, "trn", "must be the 7-digit Teacher Reference Number"));
            }
            CareerStage stage = parse(CareerStage.class, v.get("careerStage"), "careerStage", row, rowErrors);
            Set<Subject> subjects = parseList(Subject.class, v.get("subjects"), "subjects", row, rowErrors);
            Set<Phase> phases = parseList(Phase.class, v.get("phases"), "phases", row, rowErrors);
            School school = null;
            if (!Identifiers.isUrn(urn)) {
                rowErrors.add(new RowError(row, "schoolUrn", "must be a 6-digit URN"));
            } else if (!schoolUrns.contains(urn)) {
                rowErrors.add(new RowError(row, "schoolUrn", "your token does not cover school " + urn));
            } else {
                school = School.find("urn", urn).firstResult();
                if (school == null) {
                    rowErrors.add(new RowError(row, "schoolUrn", "no school with URN " + urn + " is registered"));
                }
            }
            if (rowErrors.isEmpty()) {
                String key = Identifiers.normaliseEmail(email);
                if (!seenEmails.add(key)) {
                    rowErrors.add(new RowError(row, "email", "appears twice in this file"));
                }
                if (trn != null && !seenTrns.add(trn)) {
                    rowErrors.add(new RowError(row, "trn", "appears twice in this file"));
                }
            }
            Practitioner existing = null;
            if (rowErrors.isEmpty()) {
                // docs/adr/0014-tenant-safe-identity-matching.md: only people the caller manages are matched.
                Outcome outcome = IdentityResolution.resolve(access, queries.holderOfTrn(trn, null).orElse(null),
                        queries.holderOfEmail(email, null).orElse(null));
                if (outcome instanceof Outcome.Refused refused) {
                    rowErrors.add(new RowError(row, refused.field(), refused.reason()));
                } else if (outcome instanceof Outcome.Match match) {
                    existing = match.practitioner();
                }
            }
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
                continue;
            }
            Practitioner p = existing == null ? new Practitioner() : existing;
            boolean changed = existing == null || !Objects.equals(p.fullName, fullName) || !p.email.equalsIgnoreCase(email)
                    || !Objects.equals(p.trn, trn) || p.school == null || !p.school.id.equals(school.id)
                    || p.careerStage != stage || !Arrays.equals(p.subjects, Enums.names(subjects))
                    || !Arrays.equals(p.phases, Enums.names(phases)) || !p.active;
            if (!changed) {
                unchanged++;
                continue;
            }
            p.fullName = fullName;
            p.email = email;
            p.trn = trn;
            p.careerStage = stage;
            p.subjects = Enums.names(subjects);
            p.phases = Enums.names(phases);
            p.reactivate();
            p.placeAt(school, null);
            if (existing == null) {
                p.persist();
                em.flush();
                events.practitionerRegistered(p);
                accounts.changed(p);
                created++;
            } else {
                p.touch();
                em.flush();
                events.practitionerUpdated(p);
                appointments.endThoseNoLongerHeld(p);
                accounts.changed(p);
                updated++;
            }
        }
        audit.record("import", "staff", schoolUrns, records.size() + " rows, " + errors.size() + " errors");
        long failedRows = errors.stream().map(RowError::row).distinct().count();
        return new ImportReport(records.size(), created, updated, unchanged, (int) failedRows, errors);
    }

    private static RuleViolation malformed(long line, String problem) {
        return RuleViolation.invalid("malformed-csv", "Line " + line + ": " + problem + "; nothing was imported")
                .with("line", line);
    }

    private static boolean hasControlCharacters(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, long row, List<RowError> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> parseList(Class<E> type, String value, String field, long row, List<RowError> errors) {
        Set<E> values = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return values;
        }
        for (String part : value.split(";")) {
            if (!part.isBlank()) {
                E parsed = parse(type, part, field, row, errors);
                if (parsed != null) {
                    values.add(parsed);
                }
            }
        }
        return values;
    }
}
