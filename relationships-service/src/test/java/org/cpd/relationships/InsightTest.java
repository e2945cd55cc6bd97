package org.cpd.relationships;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.testsupport.InsightCounts.publishedValues;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relationships part of the insight views: the aggregates, who may see them, small-number
 * suppression that survives differencing, bad filters, and no confidential content. Each test
 * builds a partnership of its own with two schools (A and B); relationships are written straight to
 * the database with the dates the test needs.
 */
@QuarkusTest
class InsightTest {

    static final String SECRET = "Confidential: a hard term with the head of department";
    static final String SUMMARY = "Shared summary: questioning in Year 8";

    @Inject
    Directory directory;

    @Inject
    EntityManager em;

    UUID partnership;
    String schoolA;
    String schoolB;
    final Instant start = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void partnershipWithTwoSchools() {
        partnership = UUID.randomUUID();
        schoolA = urn();
        do {
            schoolB = urn();
        } while (schoolB.equals(schoolA));
    }

    static String urn() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(700000, 800000));
    }

    RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin(partnership));
    }

    RequestSpecification leadOf(String urn) {
        return given().auth().oauth2(Tokens.builder().roles("school-lead", "practitioner").practitioner(UUID.randomUUID())
                .schools(urn).partnerships(partnership).build());
    }

    JsonPath partnershipView(String query) {
        return admin().get("/api/v1/insight/partnerships/" + partnership + query).then().statusCode(200).extract().jsonPath();
    }

    UUID person(String urn) {
        return directory.practitioner(urn, partnership, Set.of(), Set.of());
    }

    /** An active coaching relationship, activated {@code daysToActive} days after it was proposed; returns its id. */
    UUID coaching(UUID coach, String coachSchool, UUID learner, String learnerSchool, String status, int daysToActive) {
        UUID id = UUID.randomUUID();
        Instant proposed = start.plus(ThreadLocalRandom.current().nextInt(0, 10), ChronoUnit.DAYS);
        Instant activated = status.equals("ACTIVE") ? proposed.plus(daysToActive, ChronoUnit.DAYS) : null;
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into relationship (id, version, created_at, updated_at, form, status, proposed_by, proposed_at,
                                              activated_at, end_reason)
                    values (?1, 0, ?2, ?2, 'SPECIALIST_COACHING', ?3, 'test', ?2, ?4, ?5)""")
                    .setParameter(1, id).setParameter(2, proposed).setParameter(3, status).setParameter(4, activated)
                    .setParameter(5, status.equals("ACTIVE") ? null : SECRET).executeUpdate();
            participant(id, coach, "SUPPORTER", coachSchool);
            participant(id, learner, "LEARNER", learnerSchool);
            UUID agreement = UUID.randomUUID();
            em.createNativeQuery("""
                    insert into learning_agreement (id, version, created_at, updated_at, relationship_id, current_version)
                    values (?1, 0, ?2, ?2, ?3, 1)""").setParameter(1, agreement).setParameter(2, proposed).setParameter(3, id)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into agreement_version (id, agreement_id, number, ground_rules, protected_hours_per_half_term,
                                                   created_by, created_at)
                    values (?1, ?2, 1, ?3, 3, 'test', ?4)""").setParameter(1, UUID.randomUUID()).setParameter(2, agreement)
                    .setParameter(3, SECRET).setParameter(4, proposed).executeUpdate();
        });
        return id;
    }

    /** An active co-coaching pair of schools A and B, each peer coaching one held conversation. */
    void coCoachingTakenInTurn(UUID a, UUID b) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into relationship (id, version, created_at, updated_at, form, status, proposed_by, proposed_at, activated_at)
                    values (?1, 0, ?2, ?2, 'CO_COACHING', 'ACTIVE', 'test', ?2, ?2)""")
                    .setParameter(1, id).setParameter(2, start).executeUpdate();
            participant(id, a, "PEER", schoolA);
            participant(id, b, "PEER", schoolB);
        });
        conversations(id, a, "SHARED");
        conversations(id, b, "SHARED");
    }

    void participant(UUID relationship, UUID who, String role, String urn) {
        em.createNativeQuery("""
                insert into relationship_participant (id, relationship_id, practitioner_id, role, school_urn)
                values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, UUID.randomUUID()).setParameter(2, relationship)
                .setParameter(3, who).setParameter(4, role).setParameter(5, urn).executeUpdate();
    }

    /** Held conversations, one a week in this order of agenda owners, with notes and a summary. */
    void conversations(UUID relationship, UUID coach, String... agendaOwners) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < agendaOwners.length; i++) {
                Instant at = start.plus(20 + 7L * i, ChronoUnit.DAYS);
                em.createNativeQuery("""
                        insert into conversation (id, version, created_at, updated_at, relationship_id, status, starts_at,
                                                  duration_minutes, setting, agenda_owner, coach_id, shared_summary,
                                                  confidential_notes, recorded_by)
                        values (?1, 0, ?2, ?2, ?3, 'HELD', ?2, 60, 'QUIET_SPACE', ?4, ?5, ?6, ?7, 'test')""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, at).setParameter(3, relationship)
                        .setParameter(4, agendaOwners[i]).setParameter(5, coach).setParameter(6, SUMMARY)
                        .setParameter(7, SECRET).executeUpdate();
            }
        });
    }

    /** Seven active coaching relationships in school A (activated after 1..7 days), three in school B. */
    void sevenInAThreeInB() {
        UUID coachA = person(schoolA);
        UUID coachB = person(schoolB);
        directory.capacity(coachA, SupportForm.SPECIALIST_COACHING, 10);
        directory.capacity(coachB, SupportForm.SPECIALIST_COACHING, 2);
        for (int i = 1; i <= 7; i++) {
            coaching(coachA, schoolA, person(schoolA), schoolA, "ACTIVE", i);
        }
        for (int i = 1; i <= 3; i++) {
            coaching(coachB, schoolB, person(schoolB), schoolB, "ACTIVE", 10);
        }
    }

    static Object cell(JsonPath view, String form, String status) {
        return view.getMap("relationshipsByFormAndStatus.find { it.form == '%s' && it.status == '%s' }.relationships"
                .formatted(form, status));
    }

    static Map<String, Object> count(Long value, boolean suppressed) {
        java.util.HashMap<String, Object> m = new java.util.HashMap<>();
        m.put("value", value == null ? null : value.intValue());
        m.put("suppressed", suppressed);
        return m;
    }

    @Test
    void thePartnershipViewCountsRelationshipsAndTimeToActive() {
        sevenInAThreeInB();
        JsonPath view = partnershipView("");
        assertThat(cell(view, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(10L, false));
        assertThat(cell(view, "MENTORING", "ACTIVE")).isEqualTo(count(0L, false));
        assertThat(view.getInt("suppressionThreshold")).isEqualTo(5);
        assertThat(view.getString("scope.kind")).isEqualTo("PARTNERSHIP");

        JsonPath a = partnershipView("?school=" + schoolA + "&form=SPECIALIST_COACHING");
        assertThat(cell(a, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(5L, false)); // 7, rounded to a multiple of 5
        assertThat(a.getList("relationshipsByFormAndStatus")).hasSize(8); // one form's statuses only
        Map<String, Object> pipeline = a.getMap("pipeline.find { it.form == 'SPECIALIST_COACHING' }");
        assertThat(pipeline.get("medianDaysToActive")).isEqualTo(4.0f);
        assertThat(pipeline.get("p90DaysToActive")).isEqualTo(6.4f);

        JsonPath b = partnershipView("?school=" + schoolB);
        assertThat(cell(b, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(null, true));
        Map<String, Object> pipelineB = b.getMap("pipeline.find { it.form == 'SPECIALIST_COACHING' }");
        assertThat(pipelineB.get("activated")).isEqualTo(count(null, true));
        assertThat(pipelineB.get("medianDaysToActive")).as("a median of a suppressed group is withheld too").isNull();
    }

    /**
     * A computed view is kept (cpd.insight.max-age, a minute) and says when it was computed: a
     * relationship written meanwhile shows in the next view, not in the kept one; another filter is a
     * view of its own. Access is still checked on every request.
     */
    @Test
    void aComputedViewIsKeptForAWhileAndSaysWhenItWasComputed() {
        sevenInAThreeInB();
        JsonPath first = partnershipView("");
        Instant asOf = Instant.parse(first.getString("asOf"));
        assertThat(asOf).isBetween(Instant.now().minusSeconds(30), Instant.now());
        UUID coach = person(schoolA);
        for (int i = 0; i < 5; i++) {
            coaching(coach, schoolA, person(schoolA), schoolA, "ACTIVE", 1);
        }
        JsonPath again = partnershipView("");
        assertThat(again.getString("asOf")).isEqualTo(first.getString("asOf"));
        assertThat(cell(again, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(10L, false));
        JsonPath coachingOnly = partnershipView("?form=SPECIALIST_COACHING");
        assertThat(cell(coachingOnly, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(15L, false));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get("/api/v1/insight/partnerships/" + partnership)
                .then().statusCode(404);
    }

    /**
     * School B's three relationships are suppressed; neither the partnership total less school A, nor
     * the sum of the other cells, nor any other pair of published counts, gives them back: every
     * published count is a multiple of the threshold, so every difference is 0 or at least 5.
     */
    @Test
    void aSuppressedCountCannotBeRecoveredFromTheTotalOrANeighbouringFilter() {
        sevenInAThreeInB();
        JsonPath total = partnershipView("");
        JsonPath a = partnershipView("?school=" + schoolA);
        JsonPath b = leadOf(schoolB).get("/api/v1/insight/schools/" + schoolB).then().statusCode(200).extract().jsonPath();
        assertThat(cell(b, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(null, true));

        long difference = value(total, "SPECIALIST_COACHING", "ACTIVE") - value(a, "SPECIALIST_COACHING", "ACTIVE");
        assertThat(difference).isNotEqualTo(3);
        assertThat(difference >= 1 && difference <= 4).as("difference " + difference + " is a small number").isFalse();
        long allForms = ((Number) total.getMap("pipeline.find { it.form == 'ALL' }.proposed").get("value")).longValue();
        long coaching = ((Number) total.getMap("pipeline.find { it.form == 'SPECIALIST_COACHING' }.proposed").get("value")).longValue();
        assertThat(allForms - coaching).isZero();

        for (JsonPath view : List.of(total, a, b)) {
            for (Object value : publishedValues(view.get("$"))) {
                assertThat(((Number) value).longValue() % 5).as("published count " + value).isZero();
            }
        }
    }

    static long value(JsonPath view, String form, String status) {
        Object v = ((Map<?, ?>) cell(view, form, status)).get("value");
        return ((Number) v).longValue();
    }

    @Test
    void supportersLoadAgainstCapacity() {
        sevenInAThreeInB();
        for (int i = 0; i < 5; i++) {
            UUID full = person(schoolA);
            directory.capacity(full, SupportForm.MENTORING, 1);
            UUID learner = person(schoolA);
            QuarkusTransaction.requiringNew().run(() -> {
                UUID id = UUID.randomUUID();
                em.createNativeQuery("""
                        insert into relationship (id, version, created_at, updated_at, form, purpose, status, proposed_by, proposed_at)
                        values (?1, 0, now(), now(), 'MENTORING', 'INDUCTION', 'PROPOSED', 'test', now())""")
                        .setParameter(1, id).executeUpdate();
                participant(id, full, "SUPPORTER", schoolA);
                participant(id, learner, "LEARNER", schoolA);
            });
        }
        JsonPath view = partnershipView("");
        Map<String, Object> mentoring = view.getMap("supporterLoad.find { it.form == 'MENTORING' }");
        assertThat(mentoring.get("supporters")).isEqualTo(count(5L, false));
        assertThat(mentoring.get("atCapacity")).isEqualTo(count(5L, false));
        assertThat(mentoring.get("freePlaces")).isEqualTo(count(0L, false));
        Map<String, Object> coaching = view.getMap("supporterLoad.find { it.form == 'SPECIALIST_COACHING' }");
        // coach A: 7 of 10, coach B: 3 of 2 (one over): 2 supporters, 10 load, 3 free places
        assertThat(coaching.get("supporters")).isEqualTo(count(null, true));
        assertThat(coaching.get("load")).isEqualTo(count(10L, false));
        assertThat(coaching.get("overloaded")).isEqualTo(count(null, true));
        assertThat(view.getMap("mentoringByPurpose.find { it.purpose == 'INDUCTION' }.relationships")).isEqualTo(count(5L, false));
        assertThat(view.getList("notAvailable", String.class)).anyMatch(s -> s.contains("expertise"));
    }

    /** Learners who move from supporter-led to learner-led agendas within weeks are RISING. */
    @Test
    void selfDirectionReciprocityAndProtectedTimeWithoutConfidentialContent() {
        UUID coach = person(schoolA);
        for (int i = 0; i < 6; i++) {
            UUID learner = person(schoolA);
            UUID r = coaching(coach, schoolA, learner, schoolA, "ACTIVE", 2);
            conversations(r, coach, "SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED", "LEARNER_LED");
        }
        for (int i = 0; i < 5; i++) {
            coCoachingTakenInTurn(person(schoolA), person(schoolB));
        }
        String body = leadOf(schoolA).get("/api/v1/insight/schools/" + schoolA).then().statusCode(200).extract().asString();
        JsonPath view = JsonPath.from(body);
        assertThat(view.getMap("selfDirection[0].rising")).isEqualTo(count(5L, false));
        assertThat(view.getMap("selfDirection[0].learners")).isEqualTo(count(5L, false));
        assertThat(view.getMap("coCoachingReciprocity.balanced")).isEqualTo(count(5L, false));
        assertThat(view.getFloat("coCoachingReciprocity.averageBalance")).isEqualTo(1.0f);
        Map<String, Object> time = view.getMap("protectedTime.find { it.schoolUrn == '%s' }".formatted(schoolA));
        assertThat(time.get("relationships")).isEqualTo(count(10L, false)); // 6 coaching + 5 co-coaching, rounded
        assertThat(((Number) time.get("heldHours")).doubleValue()).isEqualTo(40.0); // 6 x 5 + 5 x 2 conversations of an hour
        assertThat(body).doesNotContain(SECRET).doesNotContain(SUMMARY).doesNotContain(coach.toString());
    }

    /** Rule 7: held hours are credited to whoever supported, and each practitioner counts at the furthest step reached. */
    @Test
    void hoursAreCreditedToTheSupporterAndEachPersonCountsAtTheFurthestStepReached() {
        for (int i = 0; i < 5; i++) { // five coaches, each with a learner and two held hours
            UUID coach = person(schoolA);
            conversations(coaching(coach, schoolA, person(schoolA), schoolA, "ACTIVE", 2), coach, "SHARED", "SHARED");
        }
        coaching(person(schoolA), schoolA, person(schoolA), schoolA, "PROPOSED", 0); // never active: reaches nothing
        for (int i = 0; i < 5; i++) { // five co-coaching pairs, each peer coaching once
            coCoachingTakenInTurn(person(schoolA), person(schoolB));
        }
        UUID mentor = person(schoolA); // one mentor: a count below the threshold, and the hours of that one person
        UUID mentoring = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into relationship (id, version, created_at, updated_at, form, purpose, status, proposed_by, proposed_at, activated_at)
                    values (?1, 0, ?2, ?2, 'MENTORING', 'INDUCTION', 'ACTIVE', 'test', ?2, ?2)""")
                    .setParameter(1, mentoring).setParameter(2, start).executeUpdate();
            participant(mentoring, mentor, "SUPPORTER", schoolA);
            participant(mentoring, person(schoolA), "LEARNER", schoolA);
        });
        conversations(mentoring, mentor, "SHARED", "SHARED", "SHARED");

        JsonPath view = partnershipView("");

        assertThat(view.getMap("hoursCredited.find { it.form == 'SPECIALIST_COACHING' }.supporters")).isEqualTo(count(5L, false));
        assertThat(view.getDouble("hoursCredited.find { it.form == 'SPECIALIST_COACHING' }.hours")).isEqualTo(10.0);
        assertThat(view.getMap("hoursCredited.find { it.form == 'CO_COACHING' }.supporters")).isEqualTo(count(10L, false));
        assertThat(view.getDouble("hoursCredited.find { it.form == 'CO_COACHING' }.hours")).isEqualTo(10.0);
        assertThat(view.getMap("hoursCredited.find { it.form == 'MENTORING' }.supporters")).isEqualTo(count(null, true));
        assertThat(view.getString("hoursCredited.find { it.form == 'MENTORING' }.hours")).as("one mentor's hours").isNull();
        assertThat(view.getList("pathway.step")).containsExactly("BEING_COACHED", "CO_COACH", "SPECIALIST_COACH", "MENTOR");
        assertThat(view.getMap("pathway.find { it.step == 'BEING_COACHED' }.practitioners")).isEqualTo(count(5L, false));
        assertThat(view.getMap("pathway.find { it.step == 'CO_COACH' }.practitioners")).isEqualTo(count(10L, false));
        assertThat(view.getMap("pathway.find { it.step == 'SPECIALIST_COACH' }.practitioners")).isEqualTo(count(5L, false));
        assertThat(view.getMap("pathway.find { it.step == 'MENTOR' }.practitioners")).isEqualTo(count(null, true));

        JsonPath schoolB = leadOf(this.schoolB).get("/api/v1/insight/schools/" + this.schoolB).then().statusCode(200)
                .extract().jsonPath();
        assertThat(schoolB.getMap("pathway.find { it.step == 'CO_COACH' }.practitioners")).as("school B's peers only")
                .isEqualTo(count(5L, false));
        assertThat(schoolB.getMap("pathway.find { it.step == 'SPECIALIST_COACH' }.practitioners")).isEqualTo(count(0L, false));
    }

    @Test
    void onlyTheAdminOfThePartnershipAndTheLeadOfTheSchoolSeeTheViews() {
        person(schoolA);
        String partnershipPath = "/api/v1/insight/partnerships/" + partnership;
        admin().get(partnershipPath).then().statusCode(200);
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(partnershipPath).then().statusCode(404)
                .contentType("application/problem+json");
        leadOf(schoolA).get(partnershipPath).then().statusCode(404);
        given().auth().oauth2(Tokens.practitioner(UUID.randomUUID(), schoolA)).get(partnershipPath).then().statusCode(404);
        given().get(partnershipPath).then().statusCode(401);

        leadOf(schoolA).get("/api/v1/insight/schools/" + schoolA).then().statusCode(200).body("scope.kind", equalTo("SCHOOL"));
        admin().get("/api/v1/insight/schools/" + schoolA).then().statusCode(200);
        leadOf(schoolB).get("/api/v1/insight/schools/" + schoolA).then().statusCode(404);
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get("/api/v1/insight/schools/" + schoolA).then().statusCode(404);
        given().auth().oauth2(Tokens.practitioner(UUID.randomUUID(), schoolA)).get("/api/v1/insight/schools/" + schoolA)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.mis(schoolA)).get("/api/v1/insight/schools/" + schoolA).then().statusCode(404);
    }

    @Test
    void badFiltersAreProblems() {
        String path = "/api/v1/insight/partnerships/" + partnership;
        admin().queryParam("from", "2026-05-01").queryParam("to", "2026-04-01").get(path).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:cpd:problem:invalid-date-range"));
        for (Map.Entry<String, String> bad : Map.of("from", "yesterday", "to", "2026-02-30", "form", "TUTORING",
                "school", "not-a-urn").entrySet()) {
            admin().queryParam(bad.getKey(), bad.getValue()).get(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        leadOf(schoolA).queryParam("form", "TUTORING").get("/api/v1/insight/schools/" + schoolA).then().statusCode(400);
        admin().get("/api/v1/insight/partnerships/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        JsonPath empty = partnershipView("?from=" + LocalDate.now().plusDays(1) + "&to=" + LocalDate.now().plusDays(1));
        assertThat(cell(empty, "SPECIALIST_COACHING", "ACTIVE")).isEqualTo(count(0L, false));
    }
}
