package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpd.directory.Fixtures.as;
import static org.cpd.testsupport.InsightCounts.publishedValues;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The directory part of the insight views: supporters' load against capacity by form, expertise area
 * and school (docs/adr/0041-insight-small-number-suppression.md, "Load by expertise"). A partnership of
 * its own per test, with school A (twelve mentors of pedagogy, one paused, five overloaded, two at
 * capacity) and school B (three specialist coaches of SEND, one place taken each); offers are put
 * through the API and loads come from relationship events, as in production.
 */
@QuarkusTest
class InsightTest {

    Fixtures.Partnership partnership;
    Fixtures.School schoolA;
    Fixtures.School schoolB;
    final List<String> names = new ArrayList<>();

    @BeforeEach
    void twoSchoolsWithSupporters() {
        partnership = Fixtures.partnership();
        schoolA = Fixtures.school(partnership);
        schoolB = Fixtures.school(partnership);
        List<UUID> mentors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID mentor = Fixtures.practitioner(schoolA);
            offer(mentor, "MENTORING", 2, "ASSESSMENT_FOR_LEARNING");
            mentors.add(mentor);
        }
        List<UUID> coaches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID coach = Fixtures.practitioner(schoolB);
            offer(coach, "SPECIALIST_COACHING", 3, "SEND_INCLUSION\",\"AUTISM");
            coaches.add(coach);
        }
        int inA = 0;
        for (int i = 0; i < 5; i++) {
            inA += occupy(mentors.get(i), "MENTORING", 3); // overloaded: 3 places of 2
        }
        for (int i = 5; i < 7; i++) {
            inA += occupy(mentors.get(i), "MENTORING", 2); // at capacity
        }
        int inB = 0;
        for (UUID coach : coaches) {
            inB += occupy(coach, "SPECIALIST_COACHING", 1);
        }
        awaitPlaces(schoolA, inA);
        awaitPlaces(schoolB, inB);
        UUID paused = mentors.get(11);
        as(partnership.adminToken()).header("If-Match", Fixtures.etag(partnership.adminToken(), "/api/v1/support-offers/" + paused))
                .post("/api/v1/support-offers/" + paused + "/pause").then().statusCode(200);
    }

    /** Waits until the support ledger counts {@code places} taken with the supporters of {@code school}. */
    static void awaitPlaces(Fixtures.School school, int places) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Arc.container().instance(EntityManager.class).get().createNativeQuery("""
                                select coalesce(sum(l.mentoring + l.specialist_coaching + l.co_coaching), 0)
                                from supporter_load l join practitioner p on p.id = l.practitioner_id where p.school_id = ?1""")
                        .setParameter(1, school.id()).getSingleResult()).intValue()) == places);
    }

    void offer(UUID person, String form, int capacity, String expertise) {
        as(partnership.adminToken()).body("{\"forms\":[{\"form\":\"" + form + "\",\"capacity\":" + capacity + "}],"
                        + (form.equals("MENTORING") ? "\"mentoringPurposes\":[\"INDUCTION\"]," : "") + "\"expertiseCodes\":[\"" + expertise + "\"],\"workModes\":[\"OWN_SCHOOL\"],"
                        + "\"profile\":\"Profile of " + person + "\"}")
                .put("/api/v1/support-offers/" + person).then().statusCode(200);
        names.add(as(partnership.adminToken()).get("/api/v1/practitioners/" + person).then().statusCode(200).extract().path("fullName"));
    }

    /** {@code places} active relationships of the form with {@code supporter}, as relationships-service announces them. */
    static int occupy(UUID supporter, String form, int places) {
        for (int i = 0; i < places; i++) {
            String relationship = UUID.randomUUID().toString();
            CloudEventsOnKafka.send(RelationshipEvents.TOPIC, RelationshipEvents.ACTIVATED, RelationshipEvents.SOURCE, relationship,
                    "{\"relationshipId\":\"" + relationship + "\",\"form\":\"" + form + "\",\"status\":\"ACTIVE\","
                            + "\"participants\":[{\"practitionerId\":\"" + supporter + "\",\"role\":\"SUPPORTER\"},"
                            + "{\"practitionerId\":\"" + UUID.randomUUID() + "\",\"role\":\"LEARNER\"}],"
                            + "\"activatedAt\":\"2026-09-01T08:00:00Z\"}");
        }
        return places;
    }

    JsonPath view(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    String partnershipPath() {
        return "/api/v1/insight/partnerships/" + partnership.id();
    }

    static Map<String, Object> count(Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("value", value);
        m.put("suppressed", value == null);
        return m;
    }

    static final Map<String, Object> SUPPRESSED = count(null);

    @Test
    void loadAgainstCapacityByFormExpertiseAndSchoolRoundedAndSuppressed() {
        JsonPath v = view(partnership.adminToken(), partnershipPath());
        assertThat(v.getString("scope.kind")).isEqualTo("PARTNERSHIP");
        assertThat(v.getInt("suppressionThreshold")).isEqualTo(5);
        assertThat(v.getString("asOf")).isNotNull();

        // twelve mentors (10), one paused (suppressed), 24 places (25), 19 taken (20), 8 free with the unpaused (10),
        // five overloaded, two exactly at capacity (suppressed)
        Map<String, Object> mentoring = v.getMap("byForm.find { it.form == 'MENTORING' }");
        assertThat(mentoring).containsEntry("supporters", count(10)).containsEntry("paused", SUPPRESSED)
                .containsEntry("capacity", count(25)).containsEntry("load", count(20)).containsEntry("freePlaces", count(10))
                .containsEntry("overloaded", count(5)).containsEntry("atCapacity", SUPPRESSED);
        // three coaches: suppressed, and so are their places (9 of capacity would be theirs to the unit)
        Map<String, Object> coaching = v.getMap("byForm.find { it.form == 'SPECIALIST_COACHING' }");
        assertThat(coaching).containsEntry("supporters", SUPPRESSED).containsEntry("capacity", SUPPRESSED)
                .containsEntry("load", SUPPRESSED).containsEntry("freePlaces", SUPPRESSED).containsEntry("overloaded", count(0));
        assertThat(v.getMap("byForm.find { it.form == 'CO_COACHING' }")).containsEntry("supporters", count(0))
                .containsEntry("capacity", count(0));

        // every area and form listed; the mentors are of pedagogy, the coaches of SEND (two codes of it, counted once)
        assertThat(v.getList("byExpertise")).hasSize(7 * 3);
        assertThat(v.getMap("byExpertise.find { it.area == 'PEDAGOGY' && it.form == 'MENTORING' }"))
                .containsEntry("supporters", count(10)).containsEntry("load", count(20)).containsEntry("overloaded", count(5));
        assertThat(v.getMap("byExpertise.find { it.area == 'SEND' && it.form == 'SPECIALIST_COACHING' }"))
                .containsEntry("supporters", SUPPRESSED).containsEntry("load", SUPPRESSED);
        assertThat(v.getMap("byExpertise.find { it.area == 'SEND' && it.form == 'MENTORING' }")).containsEntry("supporters", count(0));

        assertThat(v.getList("bySchool")).hasSize(2);
        assertThat(v.getMap("bySchool.find { it.schoolUrn == '" + schoolA.urn() + "' }"))
                .containsEntry("form", "MENTORING").containsEntry("supporters", count(10)).containsEntry("freePlaces", count(10));
        assertThat(v.getMap("bySchool.find { it.schoolUrn == '" + schoolB.urn() + "' }"))
                .containsEntry("form", "SPECIALIST_COACHING").containsEntry("supporters", SUPPRESSED);

        // no differencing: every published count is a multiple of the threshold
        assertThat(publishedValues(v.get())).isNotEmpty().allMatch(n -> n % 5 == 0);
        // aggregates only: no name or profile of a supporter
        String body = as(partnership.adminToken()).get(partnershipPath()).then().statusCode(200).extract().asString();
        assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(body).doesNotContain(name));
        assertThat(body).doesNotContain("Profile of");
    }

    @Test
    void theSchoolAndFormFiltersAndTheSchoolView() {
        JsonPath onlyB = view(partnership.adminToken(), partnershipPath() + "?school=" + schoolB.urn());
        assertThat(onlyB.getString("scope.schoolUrn")).isEqualTo(schoolB.urn());
        assertThat(onlyB.getMap("byForm.find { it.form == 'MENTORING' }")).containsEntry("supporters", count(0));
        assertThat(onlyB.getMap("byForm.find { it.form == 'SPECIALIST_COACHING' }")).containsEntry("supporters", SUPPRESSED);
        assertThat(onlyB.getList("bySchool.schoolUrn")).containsExactly(schoolB.urn());

        JsonPath mentoringOnly = view(partnership.adminToken(), partnershipPath() + "?form=MENTORING");
        assertThat(mentoringOnly.getList("byForm.form")).containsExactly("MENTORING");
        assertThat(mentoringOnly.getList("byExpertise")).hasSize(7);
        assertThat(mentoringOnly.getList("bySchool.schoolUrn")).containsExactly(schoolA.urn());

        for (String token : List.of(schoolA.leadToken(), partnership.adminToken())) {
            JsonPath school = view(token, "/api/v1/insight/schools/" + schoolA.urn());
            assertThat(school.getString("scope.kind")).isEqualTo("SCHOOL");
            assertThat(school.getString("scope.schoolUrn")).isEqualTo(schoolA.urn());
            assertThat(school.getMap("byForm.find { it.form == 'MENTORING' }")).containsEntry("supporters", count(10))
                    .containsEntry("overloaded", count(5));
            assertThat(school.getMap("byForm.find { it.form == 'SPECIALIST_COACHING' }")).containsEntry("supporters", count(0));
            assertThat(school.getList("bySchool.schoolUrn")).containsExactly(schoolA.urn());
        }
        as(partnership.adminToken()).get(partnershipPath() + "?form=TUTORING").then().statusCode(400);
        as(partnership.adminToken()).get(partnershipPath() + "?school=12").then().statusCode(400);
    }

    @Test
    void everyoneButThePartnershipsAdminsAndTheSchoolsLeadsGets404() {
        Fixtures.Partnership other = Fixtures.partnership();
        Fixtures.School otherSchool = Fixtures.school(other);
        String path = partnershipPath();
        for (String token : List.of(other.adminToken(), schoolA.leadToken(), Tokens.practitioner(UUID.randomUUID(), schoolA.urn()),
                Tokens.builder().roles("mis-integration").client("mis-a").schools(schoolA.urn()).partnerships(partnership.id()).build())) {
            as(token).get(path).then().statusCode(404).contentType("application/problem+json");
        }
        for (String token : List.of(other.adminToken(), schoolB.leadToken(), otherSchool.leadToken(),
                Tokens.practitioner(UUID.randomUUID(), schoolA.urn()))) {
            as(token).get("/api/v1/insight/schools/" + schoolA.urn()).then().statusCode(404);
        }
        // an admin of a partnership the directory does not know, a lead of a school it does not know
        UUID unknown = UUID.randomUUID();
        as(Tokens.admin(unknown)).get("/api/v1/insight/partnerships/" + unknown).then().statusCode(404);
        as(Tokens.schoolLead(UUID.randomUUID(), "099999")).get("/api/v1/insight/schools/099999").then().statusCode(404);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
    }

    @Test
    void aViewIsOneAggregateStatementAndIsKept() {
        String lead = schoolA.leadToken();
        List<String> statements = StatementCounter.statementsOf(key -> as(lead).header(StatementCounter.HEADER, key)
                .get("/api/v1/insight/schools/" + schoolA.urn() + "?form=MENTORING").then().statusCode(200));
        assertThat(statements.stream().filter(s -> s.contains("grouping sets"))).hasSize(1);
        assertThat(statements.stream().filter(s -> s.contains("support_offer"))).hasSize(1);
        List<String> again = StatementCounter.statementsOf(key -> as(lead).header(StatementCounter.HEADER, key)
                .get("/api/v1/insight/schools/" + schoolA.urn() + "?form=MENTORING").then().statusCode(200));
        assertThat(again.stream().filter(s -> s.contains("support_offer"))).isEmpty();
    }
}
