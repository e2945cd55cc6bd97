package org.cpd.directory.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of a school's staff file as MIS exports name them, and the rules of one row
 * (docs/integrations.md#columns). Pure: the file is read and matched by the service.
 */
public final class StaffFile {

    /** Longest MIS staff id kept (the column is varchar(64)). */
    public static final int MAX_MIS_ID_LENGTH = 64;

    /** A column and the names MIS exports give it (compared without case, spaces or punctuation). */
    public enum Column {
        MIS_STAFF_ID("misStaffId", "staffid", "misid", "personid", "employeeid"),
        TRN("trn", "teacherreferencenumber", "dfeteachernumber"),
        GIVEN_NAME("givenName", "forename", "firstname", "legalforename", "preferredforename"),
        FAMILY_NAME("familyName", "surname", "lastname", "legalsurname", "preferredsurname"),
        FULL_NAME("fullName", "name"),
        EMAIL("email", "workemail", "emailaddress"),
        ROLE("role", "post", "careerstage"),
        LINE_MANAGER_MIS_ID("lineManagerMisId", "linemanagerstaffid", "linemanagerid", "linemanager"),
        SUBJECTS("subjects"),
        PHASES("phases"),
        START_DATE("startDate", "employmentstartdate", "datestarted"),
        LEAVE_DATE("leaveDate", "enddate", "employmentenddate", "dateleft"),
        SCHOOL_URN("schoolUrn", "urn");

        /** The name used in documents and row outcomes. */
        public final String field;
        private final Set<String> names = new LinkedHashSet<>();

        Column(String field, String... aliases) {
            this.field = field;
            names.add(key(field));
            names.addAll(Arrays.asList(aliases));
        }

        public static Optional<Column> named(String header) {
            String key = key(header);
            return Arrays.stream(values()).filter(c -> c.names.contains(key)).findFirst();
        }

        private static String key(String name) {
            return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }

    /** A field of a row that cannot be used, and why. */
    public record Problem(String field, String reason) {
    }

    /** One row as the file gives it, checked field by field; {@code problems} is empty for a usable row. */
    public record Row(long line, String misStaffId, String trn, String fullName, String email, CareerStage careerStage,
                      String lineManagerMisId, Set<Subject> subjects, Set<Phase> phases, LocalDate startDate,
                      LocalDate leaveDate, List<Problem> problems) {

        public boolean usable() {
            return problems.isEmpty();
        }

        /** A leave date on or before today: the person has left the school. */
        public boolean hasLeft(LocalDate today) {
            return leaveDate != null && !leaveDate.isAfter(today);
        }
    }

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private StaffFile() {
    }

    /** Which required columns a header lacks: an id, an email and a name (full, or given and family). */
    public static List<String> missingColumns(Set<Column> header) {
        List<String> missing = new ArrayList<>();
        if (!header.contains(Column.MIS_STAFF_ID)) {
            missing.add(Column.MIS_STAFF_ID.field);
        }
        if (!header.contains(Column.EMAIL)) {
            missing.add(Column.EMAIL.field);
        }
        if (!header.contains(Column.FULL_NAME) && !(header.contains(Column.GIVEN_NAME) && header.contains(Column.FAMILY_NAME))) {
            missing.add(Column.FULL_NAME.field + " (or " + Column.GIVEN_NAME.field + " and " + Column.FAMILY_NAME.field + ")");
        }
        return missing;
    }

    /**
     * Reads one row of a file sent for the school {@code schoolUrn}. Values are trimmed; blank means absent.
     * Control characters are refused as in every other input (docs/problems.md#input-bounds).
     */
    public static Row read(long line, Map<Column, String> raw, String schoolUrn) {
        List<Problem> problems = new ArrayList<>();
        Map<Column, String> v = new EnumMap<>(Column.class);
        raw.forEach((column, value) -> {
            String trimmed = value == null ? null : value.strip();
            if (trimmed != null && hasControlCharacter(trimmed)) {
                problems.add(new Problem(column.field, "must not contain control characters"));
            } else if (trimmed != null && !trimmed.isEmpty()) {
                v.put(column, trimmed);
            }
        });
        String misId = v.get(Column.MIS_STAFF_ID);
        if (misId == null && problems.stream().noneMatch(p -> p.field().equals(Column.MIS_STAFF_ID.field))) {
            problems.add(new Problem(Column.MIS_STAFF_ID.field, "is required"));
        } else if (misId != null && misId.length() > MAX_MIS_ID_LENGTH) {
            problems.add(new Problem(Column.MIS_STAFF_ID.field, "must be at most " + MAX_MIS_ID_LENGTH + " characters"));
        }
        String trn = v.get(Column.TRN);
        if (trn != null && !Identifiers.isTrn(trn)) {
            problems.add(new Problem(Column.TRN.field, "must be the 7-digit Teacher Reference Number"));
        }
        String email = v.get(Column.EMAIL);
        if (!Identifiers.isEmail(email)) {
            problems.add(new Problem(Column.EMAIL.field, "must be an email address"));
        }
        String fullName = v.containsKey(Column.FULL_NAME) ? v.get(Column.FULL_NAME)
                : String.join(" ", v.getOrDefault(Column.GIVEN_NAME, ""), v.getOrDefault(Column.FAMILY_NAME, "")).strip();
        if (fullName.isEmpty() || fullName.length() > 200) {
            problems.add(new Problem(v.containsKey(Column.FULL_NAME) || !raw.containsKey(Column.GIVEN_NAME)
                    ? Column.FULL_NAME.field : Column.GIVEN_NAME.field, "a name of 1 to 200 characters is required"));
        }
        CareerStage stage = null;
        if (v.containsKey(Column.ROLE)) {
            stage = parse(CareerStage.class, v.get(Column.ROLE), Column.ROLE.field, problems);
        }
        String manager = v.get(Column.LINE_MANAGER_MIS_ID);
        if (manager != null && manager.equals(misId)) {
            problems.add(new Problem(Column.LINE_MANAGER_MIS_ID.field, "a person cannot be their own line manager"));
        }
        Set<Subject> subjects = parseList(Subject.class, v.get(Column.SUBJECTS), Column.SUBJECTS.field, problems);
        Set<Phase> phases = parseList(Phase.class, v.get(Column.PHASES), Column.PHASES.field, problems);
        LocalDate start = date(v.get(Column.START_DATE), Column.START_DATE.field, problems);
        LocalDate leave = date(v.get(Column.LEAVE_DATE), Column.LEAVE_DATE.field, problems);
        if (start != null && leave != null && leave.isBefore(start)) {
            problems.add(new Problem(Column.LEAVE_DATE.field, "is before the start date"));
        }
        String urn = v.get(Column.SCHOOL_URN);
        if (urn != null && !urn.equals(schoolUrn)) {
            problems.add(new Problem(Column.SCHOOL_URN.field, "this file is for school " + schoolUrn
                    + ": send a row for another school in that school's own staff sync"));
        }
        return new Row(line, misId, trn, fullName, email, stage, manager, subjects, phases, start, leave, List.copyOf(problems));
    }

    // a plain loop: every field of every row of a file of thousands passes here
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate date(String value, String field, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = value.contains("/") ? LocalDate.parse(value, UK_DATE) : LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "must be a date, 2026-09-01 or 01/09/2026"));
            return null;
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");
    private static final Pattern LIST = Pattern.compile("[;|,]");

    /** Enum values as MIS exports write them: any case, spaces or hyphens for underscores ("Middle leader"). */
    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<Problem> problems) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        // most values are written as the constant already: the pattern only runs on those with separators
        String name = needsSeparatorsReplaced(upper) ? SEPARATORS.matcher(upper).replaceAll("_") : upper;
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        problems.add(new Problem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
        return null;
    }

    private static boolean needsSeparatorsReplaced(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Enum<E>> Set<E> parseList(Class<E> type, String value, String field, List<Problem> problems) {
        Set<E> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        for (String part : LIST.split(value)) {
            if (!part.isBlank()) {
                E parsed = parse(type, part, field, problems);
                if (parsed != null) {
                    values.add(parsed);
                }
            }
        }
        return values;
    }
}
