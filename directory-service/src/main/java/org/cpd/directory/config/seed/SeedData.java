package org.cpd.directory.config.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.contracts.directory.PartnershipData;
import org.cpd.contracts.directory.AppointmentData;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.SchoolData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.directory.config.SeedConfig;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.events.DirectoryEventPublisher;
import org.jboss.logging.Logger;

/**
 * Demo data for the local stack and the benchmark (cpd.seed.enabled / CPD_SEED_ENABLED): one partnership
 * with its schools and practitioners, the demo users' records at their fixed ids, a realistic spread of
 * expertise and offers, and the events for all of it so the other services learn the same directory.
 * Deterministic (fixed random seed) and idempotent (skipped when the demo partnership exists).
 */
@ApplicationScoped
public class SeedData {

    private static final Logger LOG = Logger.getLogger(SeedData.class);

    public static final UUID PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000001");
    public static final UUID SCHOOL_100001 = UUID.fromString("20000000-0000-4000-8000-000000000001");
    public static final UUID LEAD = UUID.fromString("30000000-0000-4000-8000-000000000001");
    public static final UUID MENTOR = UUID.fromString("30000000-0000-4000-8000-000000000002");
    public static final UUID TEACHER = UUID.fromString("30000000-0000-4000-8000-000000000003");
    public static final UUID ADMIN = UUID.fromString("30000000-0000-4000-8000-000000000004");
    public static final UUID UNIVERSITY = UUID.fromString("40000000-0000-4000-8000-000000000001");

    private static final String[] FIRST = {"Amara", "Ben", "Chloe", "Dev", "Ellie", "Farah", "George", "Hana", "Isaac", "Jess",
            "Kwame", "Lucy", "Mo", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vic", "Wen", "Yusuf",
            "Zara", "Aled", "Bethan", "Cerys", "Dylan", "Ffion", "Gareth", "Ioan", "Megan", "Rhys", "Siân", "Tom"};
    private static final String[] LAST = {"Adams", "Begum", "Clarke", "Davies", "Evans", "Fischer", "Green", "Hughes", "Iqbal",
            "Jones", "Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Roberts", "Smith", "Thomas", "Usman",
            "Vaughan", "Williams", "Xu", "Young", "Zielinski", "Pritchard", "Rees", "Owen", "Price"};
    private static final String[] PRIMARY_EXPERTISE = {"EARLY_READING", "PRIMARY_MATHEMATICS", "PRIMARY_SCIENCE", "PRIMARY_WRITING",
            "EARLY_YEARS_PRACTICE"};
    private static final String[] SECONDARY_EXPERTISE = {"SECONDARY_ENGLISH", "SECONDARY_MATHEMATICS", "SECONDARY_SCIENCE",
            "SECONDARY_COMPUTING", "SECONDARY_LANGUAGES", "SECONDARY_HUMANITIES", "CASE", "CAME", "POST16_TEACHING"};
    /** Cross-phase expertise, most common first (weights follow the order). */
    private static final String[] GENERAL_EXPERTISE = {"ASSESSMENT_FOR_LEARNING", "BEHAVIOUR_MANAGEMENT", "SEND_INCLUSION",
            "EARLY_CAREER_INDUCTION", "QUESTIONING_AND_DIALOGUE", "METACOGNITION", "ADAPTIVE_TEACHING", "THINKING_SKILLS",
            "INITIAL_TEACHER_EDUCATION", "MIDDLE_LEADERSHIP", "EAL", "RESTORATIVE_PRACTICE", "COLLABORATIVE_LEARNING",
            "CURRICULUM_DESIGN", "AUTISM", "SEMH", "SPECIFIC_LEARNING_DIFFICULTIES", "SENIOR_LEADERSHIP", "DIGITAL_LEARNING",
            "LEADING_PROFESSIONAL_DEVELOPMENT", "WELLBEING_AND_WORKLOAD", "THINKING_THROUGH_HUMANITIES", "NEW_TO_SCHOOL",
            "ATTENDANCE_AND_ENGAGEMENT", "HEADSHIP"};
    private static final String[] SECONDARY_SUBJECTS = {"ENGLISH", "MATHEMATICS", "SCIENCE", "BIOLOGY", "CHEMISTRY", "PHYSICS",
            "COMPUTING", "HISTORY", "GEOGRAPHY", "MODERN_LANGUAGES", "ART_AND_DESIGN", "MUSIC", "PHYSICAL_EDUCATION",
            "DESIGN_AND_TECHNOLOGY", "RELIGIOUS_EDUCATION", "DRAMA"};

    @Inject
    SeedConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DirectoryEventPublisher events;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            long started = System.nanoTime();
            boolean loaded = QuarkusTransaction.requiringNew().timeout(600).call(() -> load());
            if (loaded) {
                LOG.infof("Seed data loaded: %d schools, %d practitioners in %d ms", config.schools(), config.practitioners(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    record School(UUID id, String urn, String name, String phase) {
    }

    record Person(UUID id, String name, String email, String trn, School school, UUID organisation, CareerStage stage,
                  List<String> subjects, List<String> phases, Set<UUID> managers) {
    }

    record Offer(UUID id, Map<String, Integer> capacities, List<String> purposes, List<String> expertise,
                 List<String> workModes, String profile) {
    }

    /** Loads everything in one transaction; false when the data is already there. */
    public boolean load() throws SQLException {
        return load(config.practitioners());
    }

    /** As {@link #load()} with another number of practitioners (the benchmark loads 20,000). */
    public boolean load(int practitioners) throws SQLException {
        return loadAll(practitioners);
    }

    private boolean loadAll(int practitionerCount) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (var check = c.prepareStatement("select 1 from partnership where id = ?")) {
                check.setObject(1, PARTNERSHIP);
                if (check.executeQuery().next()) {
                    return false;
                }
            }
            Random random = new Random(20260901L);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            exec(c, "insert into partnership (id, version, created_at, updated_at, name, kind, description) values (?,0,?,?,?,?,?)",
                    PARTNERSHIP, now, now, "North Shore Teaching Partnership", "REGIONAL_CPD",
                    "A lead school and its member schools sharing mentoring and coaching");
            events.partnershipCreated(new PartnershipData(PARTNERSHIP, "North Shore Teaching Partnership", "REGIONAL_CPD"));

            List<School> schools = new ArrayList<>();
            for (int i = 1; i <= config.schools(); i++) {
                UUID id = UUID.fromString(String.format("20000000-0000-4000-8000-%012d", i));
                String phase = i == 1 ? "PRIMARY" : i % 7 == 0 ? "SPECIAL" : i % 3 == 0 ? "SECONDARY" : "PRIMARY";
                String name = i == 1 ? "Harbour Primary School"
                        : LAST[(i * 7) % LAST.length] + (phase.equals("SECONDARY") ? " High School"
                        : phase.equals("SPECIAL") ? " Special School" : " Primary School");
                schools.add(new School(id, String.valueOf(100000 + i), name, phase));
            }
            try (PreparedStatement ps = c.prepareStatement("insert into school (id, version, created_at, updated_at, urn, name, phase, "
                    + "local_authority) values (?,0,?,?,?,?,?,?)");
                 PreparedStatement member = c.prepareStatement("insert into school_partnership (school_id, partnership_id) values (?,?)")) {
                for (School s : schools) {
                    set(ps, s.id(), now, now, s.urn(), s.name(), s.phase(), "Northshire");
                    ps.addBatch();
                    set(member, s.id(), PARTNERSHIP);
                    member.addBatch();
                }
                ps.executeBatch();
                member.executeBatch();
            }
            for (School s : schools) {
                events.schoolRegistered(new SchoolData(s.id(), s.urn(), s.name(), s.phase(), "Northshire", Set.of(PARTNERSHIP)));
            }
            exec(c, "insert into organisation (id, version, created_at, updated_at, name, kind, website) values (?,0,?,?,?,?,?)",
                    UNIVERSITY, now, now, "University of Northshire School of Education", "UNIVERSITY", null);
            exec(c, "insert into organisation_partnership (organisation_id, partnership_id) values (?,?)", UNIVERSITY, PARTNERSHIP);

            List<Person> people = people(random, schools, practitionerCount);
            List<Offer> offers = offers(random, people);
            insertPeople(c, people, now);
            insertOffers(c, offers, now);
            // The planner's statistics of the bulk-loaded tables, at once: until autovacuum gets to them it estimates
            // "partnership_ids && ?" as selective and reads every practitioner rather than the (updated_at, id) keyset order.
            try (var analyze = c.createStatement()) {
                analyze.execute("analyze school, practitioner, line_management, appraisal, support_offer");
            }
            Map<UUID, Offer> offerById = new TreeMap<>();
            offers.forEach(o -> offerById.put(o.id(), o));
            for (Person p : people) {
                events.practitionerRegistered(new PractitionerData(p.id(),
                        p.school() == null ? null : p.school().urn(), p.organisation(), Set.of(PARTNERSHIP), p.stage().name(),
                        true, new TreeSet<>(p.managers()), new TreeSet<>(p.managers())));
                Offer o = offerById.get(p.id());
                if (o != null) {
                    SupportOfferData data = new SupportOfferData(o.id(), false, o.capacities(), new TreeSet<>(o.purposes()),
                            new TreeSet<>(o.expertise()), new TreeSet<>(o.workModes()));
                    events.supportOfferPublished(data);
                    events.capacityChanged(data);
                }
            }
            // the demo lead and admin hold their offices in the directory too, so their logins keep these roles when
            // the directory's account sync next touches them (ADR 0015)
            UUID leadAppointment = UUID.fromString("50000000-0000-4000-8000-000000000001");
            UUID adminAppointment = UUID.fromString("50000000-0000-4000-8000-000000000002");
            exec(c, "insert into appointment (id, version, created_at, updated_at, role, practitioner_id, school_id, appointed_by) "
                    + "values (?,0,?,?,'SCHOOL_LEAD',?,?,'seed')", leadAppointment, now, now, LEAD, SCHOOL_100001);
            exec(c, "insert into appointment (id, version, created_at, updated_at, role, practitioner_id, partnership_id, "
                    + "appointed_by) values (?,0,?,?,'PARTNERSHIP_ADMIN',?,?,'seed')", adminAppointment, now, now, ADMIN, PARTNERSHIP);
            events.appointmentMade(new AppointmentData(leadAppointment, "SCHOOL_LEAD", LEAD, "100001", null, now.toInstant(), null));
            events.appointmentMade(new AppointmentData(adminAppointment, "PARTNERSHIP_ADMIN", ADMIN, null, PARTNERSHIP,
                    now.toInstant(), null));
            return true;
        }
    }

    private List<Person> people(Random random, List<School> schools, int practitionerCount) {
        List<Person> people = new ArrayList<>();
        School harbour = schools.get(0);
        people.add(new Person(LEAD, "Lee Lead", "lead@harbour.sch.example", "3000001", harbour, null, CareerStage.SENIOR_LEADER,
                List.of("PRIMARY_GENERALIST"), List.of("PRIMARY"), Set.of()));
        people.add(new Person(MENTOR, "Maya Mentor", "mentor@harbour.sch.example", "3000002", harbour, null,
                CareerStage.MIDDLE_LEADER, List.of("MATHEMATICS", "PRIMARY_GENERALIST"), List.of("PRIMARY"), Set.of(LEAD)));
        people.add(new Person(TEACHER, "Tom Teacher", "teacher@harbour.sch.example", "3000003", harbour, null,
                CareerStage.EARLY_CAREER_TEACHER, List.of("PRIMARY_GENERALIST"), List.of("PRIMARY"), Set.of(LEAD)));
        people.add(new Person(ADMIN, "Ada Admin", "admin@harbour.sch.example", "3000004", harbour, null,
                CareerStage.SENIOR_LEADER, List.of("PRIMARY_GENERALIST"), List.of("PRIMARY"), Set.of()));
        Map<UUID, List<Person>> bySchool = new TreeMap<>();
        people.forEach(p -> bySchool.computeIfAbsent(p.school().id(), k -> new ArrayList<>()).add(p));
        int generated = Math.max(0, practitionerCount - people.size());
        for (int i = 0; i < generated; i++) {
            UUID id = new UUID(0x3100000000004000L | (i >>> 16), 0x8000000000000000L | i);
            boolean external = i % 100 == 99; // about 1% are university specialists
            School school = external ? null : schools.get(random.nextInt(schools.size()));
            CareerStage stage = external ? CareerStage.EXTERNAL_SPECIALIST : stage(random, school, bySchool);
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            String domain = school == null ? "northshire.ac.example" : school.urn() + ".sch.example";
            String email = (first + "." + last + "." + i + "@" + domain).toLowerCase().replace("â", "a");
            String trn = external || random.nextInt(10) == 0 ? null : String.valueOf(4000000 + i);
            List<String> phases = school == null ? List.of("PRIMARY", "SECONDARY")
                    : school.phase().equals("SECONDARY") ? List.of("SECONDARY") : List.of("PRIMARY");
            List<String> subjects = phases.contains("SECONDARY") && school != null
                    ? List.of(SECONDARY_SUBJECTS[random.nextInt(SECONDARY_SUBJECTS.length)])
                    : school == null ? List.of("SCIENCE") : List.of("PRIMARY_GENERALIST");
            Set<UUID> managers = new LinkedHashSet<>();
            if (school != null) {
                // Line managers are always more senior, so the seeded hierarchy can never form a cycle.
                List<Person> seniors = bySchool.getOrDefault(school.id(), List.of()).stream()
                        .filter(p -> p.stage().ordinal() > stage.ordinal() && p.stage() != CareerStage.EXTERNAL_SPECIALIST).toList();
                if (!seniors.isEmpty()) {
                    managers.add(seniors.get(random.nextInt(seniors.size())).id());
                }
            }
            Person person = new Person(id, first + " " + last, email, trn, school, external ? UNIVERSITY : null, stage,
                    subjects, phases, managers);
            people.add(person);
            if (school != null) {
                bySchool.computeIfAbsent(school.id(), k -> new ArrayList<>()).add(person);
            }
        }
        return people;
    }

    private static CareerStage stage(Random random, School school, Map<UUID, List<Person>> bySchool) {
        boolean hasHead = bySchool.getOrDefault(school.id(), List.of()).stream().anyMatch(p -> p.stage() == CareerStage.HEADTEACHER);
        if (!hasHead) {
            return CareerStage.HEADTEACHER;
        }
        int roll = random.nextInt(100);
        return roll < 6 ? CareerStage.TRAINEE : roll < 18 ? CareerStage.EARLY_CAREER_TEACHER : roll < 70 ? CareerStage.TEACHER
                : roll < 90 ? CareerStage.MIDDLE_LEADER : CareerStage.SENIOR_LEADER;
    }

    private static List<Offer> offers(Random random, List<Person> people) {
        List<Offer> offers = new ArrayList<>();
        for (Person p : people) {
            if (p.id().equals(MENTOR)) {
                offers.add(new Offer(MENTOR, new TreeMap<>(Map.of("MENTORING", 3, "SPECIALIST_COACHING", 2)),
                        List.of("INDUCTION", "PROGRESSION"),
                        List.of("ASSESSMENT_FOR_LEARNING", "EARLY_CAREER_INDUCTION", "PRIMARY_MATHEMATICS"),
                        List.of("OWN_SCHOOL", "PARTNERSHIP_TRAVEL"), "Maths lead who mentors early career teachers."));
                continue;
            }
            if (Set.of(LEAD, TEACHER, ADMIN).contains(p.id()) || p.stage() == CareerStage.TRAINEE
                    || p.stage() == CareerStage.EARLY_CAREER_TEACHER) {
                continue;
            }
            int chance = switch (p.stage()) {
                case EXTERNAL_SPECIALIST -> 100;
                case MIDDLE_LEADER, SENIOR_LEADER -> 55;
                case HEADTEACHER -> 25;
                default -> 25;
            };
            if (random.nextInt(100) >= chance) {
                continue;
            }
            Map<String, Integer> capacities = new TreeMap<>();
            boolean experienced = p.stage() != CareerStage.TEACHER;
            if (experienced && p.stage() != CareerStage.EXTERNAL_SPECIALIST && random.nextInt(100) < 70) {
                capacities.put("MENTORING", 1 + random.nextInt(3));
            }
            if (random.nextInt(100) < (experienced ? 60 : 40)) {
                capacities.put("SPECIALIST_COACHING", 1 + random.nextInt(p.stage() == CareerStage.EXTERNAL_SPECIALIST ? 8 : 4));
            }
            if (p.stage() != CareerStage.EXTERNAL_SPECIALIST && (capacities.isEmpty() || random.nextInt(100) < 30)) {
                capacities.put("CO_COACHING", 1 + random.nextInt(3));
            }
            List<String> purposes = capacities.containsKey("MENTORING")
                    ? random.nextBoolean() ? List.of("INDUCTION") : List.of("INDUCTION", "PROGRESSION", "CHALLENGE") : List.of();
            Set<String> expertise = new TreeSet<>();
            int count = 1 + random.nextInt(3);
            while (expertise.size() < count) {
                int pick = random.nextInt(3);
                if (pick == 0) {
                    String[] phaseCodes = p.phases().contains("SECONDARY") ? SECONDARY_EXPERTISE : PRIMARY_EXPERTISE;
                    expertise.add(phaseCodes[random.nextInt(phaseCodes.length)]);
                } else {
                    // Skewed towards the common codes: the square of a uniform draw favours low indexes.
                    double u = random.nextDouble();
                    expertise.add(GENERAL_EXPERTISE[(int) (u * u * GENERAL_EXPERTISE.length)]);
                }
            }
            List<String> modes = p.stage() == CareerStage.EXTERNAL_SPECIALIST ? List.of("PARTNERSHIP_TRAVEL", "REMOTE")
                    : random.nextInt(100) < 40 ? List.of("OWN_SCHOOL", "PARTNERSHIP_TRAVEL")
                    : random.nextInt(100) < 30 ? List.of("OWN_SCHOOL", "REMOTE") : List.of("OWN_SCHOOL");
            offers.add(new Offer(p.id(), capacities, purposes, new ArrayList<>(expertise), modes,
                    "Happy to support colleagues with " + String.join(", ", expertise).toLowerCase().replace('_', ' ') + "."));
        }
        return offers;
    }

    private static void insertPeople(Connection c, List<Person> people, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into practitioner (id, version, created_at, updated_at, full_name, "
                + "email, trn, school_id, organisation_id, career_stage, subjects, phases, partnership_ids, active) "
                + "values (?,0,?,?,?,?,?,?,?,?,?,?,?,true)");
             PreparedStatement lm = c.prepareStatement("insert into line_management (practitioner_id, manager_id) values (?,?)");
             PreparedStatement ap = c.prepareStatement("insert into appraisal (practitioner_id, appraiser_id) values (?,?)")) {
            int n = 0;
            for (Person p : people) {
                set(ps, p.id(), now, now, p.name(), p.email(), p.trn(), p.school() == null ? null : p.school().id(),
                        p.organisation(), p.stage().name(), c.createArrayOf("text", p.subjects().toArray()),
                        c.createArrayOf("text", p.phases().toArray()), c.createArrayOf("uuid", new Object[]{PARTNERSHIP}));
                ps.addBatch();
                for (UUID m : p.managers()) {
                    set(lm, p.id(), m);
                    lm.addBatch();
                    set(ap, p.id(), m);
                    ap.addBatch();
                }
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            lm.executeBatch();
            ap.executeBatch();
        }
    }

    private static void insertOffers(Connection c, List<Offer> offers, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into support_offer (id, version, created_at, updated_at, paused, profile, "
                + "mentoring_capacity, specialist_coaching_capacity, co_coaching_capacity, mentoring_purposes, expertise_codes, "
                + "terms, weekdays, work_modes) values (?,0,?,?,false,?,?,?,?,?,?,?,?,?)")) {
            String[] terms = {"AUTUMN", "SPRING", "SUMMER"};
            String[] days = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"};
            int n = 0;
            for (Offer o : offers) {
                int h = Math.abs(o.id().hashCode());
                set(ps, o.id(), now, now, o.profile(), o.capacities().get("MENTORING"), o.capacities().get("SPECIALIST_COACHING"),
                        o.capacities().get("CO_COACHING"), c.createArrayOf("text", o.purposes().toArray()),
                        c.createArrayOf("text", o.expertise().toArray()),
                        c.createArrayOf("text", Arrays.copyOfRange(terms, h % 2, 3)),
                        c.createArrayOf("text", new TreeSet<>(List.of(days[h % 5], days[(h / 5) % 5])).toArray()),
                        c.createArrayOf("text", o.workModes().toArray()));
                ps.addBatch();
                if (++n % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void exec(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            set(ps, values);
            ps.executeUpdate();
        }
    }

    private static void set(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }
}
