package org.cpd.goals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.with;
import static org.cpd.testsupport.InsightCounts.publishedValues;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The goals part of the insight views: goals by status and setter, evidence by type and standard,
 * self-direction by the order goals were set, suppression, access and bad filters. Each test has
 * a partnership of its own with schools A and B.
 */
@QuarkusTest
class InsightTest {

    UUID partnership;
    String schoolA;
    String schoolB;

    @BeforeEach
    void partnership() {
        partnership = UUID.randomUUID();
        schoolA = String.valueOf(ThreadLocalRandom.current().nextInt(700000, 750000));
        schoolB = String.valueOf(ThreadLocalRandom.current().nextInt(750000, 800000));
    }

    String teacher(String urn) {
        return Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).schools(urn).partnerships(partnership).build();
    }

    String goalOf(String token, String title, String setBy) {
        return as(token).body(with(goal(title), "setBy", setBy)).post("/api/v1/goals").then().statusCode(201).extract().path("id");
    }

    void activate(String token, String id) {
        as(token).post("/api/v1/goals/" + id + "/activate").then().statusCode(200);
    }

    JsonPath view(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> count(Integer value, boolean suppressed) {
        Map<String, Object> m = new HashMap<>();
        m.put("value", value);
        m.put("suppressed", suppressed);
        return m;
    }

    /**
     * Six teachers of school A each move from supporter-led to learner-led goals within days: RISING.
     * Three goals in school B are suppressed, and every published count is a multiple of 5.
     */
    @Test
    void goalsEvidenceAndSelfDirectionWithSmallNumbersSuppressed() {
        for (int t = 0; t < 6; t++) {
            String teacher = teacher(schoolA);
            for (String setBy : List.of("SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED")) {
                activate(teacher, goalOf(teacher, "Private title " + setBy, setBy));
            }
            as(teacher).body(EvidenceApiTest.evidence("Secret evidence title", "type", "PUPIL_WORK",
                    "standardIds", List.of(EvidenceApiTest.TS2))).post("/api/v1/evidence").then().statusCode(201);
        }
        for (int t = 0; t < 3; t++) {
            String teacher = teacher(schoolB);
            goalOf(teacher, "B goal", "LEARNER_LED");
        }
        String admin = Tokens.admin(partnership);
        String body = given().auth().oauth2(admin).get("/api/v1/insight/partnerships/" + partnership).then().statusCode(200)
                .extract().asString();
        JsonPath all = JsonPath.from(body);
        assertThat(all.getMap("goalsSet")).isEqualTo(count(25, false)); // 24 + 3 = 27, rounded
        assertThat(all.getMap("goalsByStatus.find { it.status == 'ACTIVE' }.goals")).isEqualTo(count(25, false));
        assertThat(all.getMap("goalsByStatus.find { it.status == 'DRAFT' }.goals")).isEqualTo(count(null, true));
        assertThat(all.getMap("goalsBySetBy.find { it.setBy == 'SHARED' }.goals")).isEqualTo(count(5, false));
        assertThat(all.getMap("evidenceByType.find { it.type == 'PUPIL_WORK' }.evidence")).isEqualTo(count(5, false));
        assertThat(all.getMap("evidenceByStandard.find { it.standard == 'TS2' }.evidence")).isEqualTo(count(5, false));
        assertThat(all.getMap("selfDirection.find { it.schoolUrn == '%s' }.rising".formatted(schoolA))).isEqualTo(count(5, false));
        assertThat(all.getMap("selfDirection.find { it.schoolUrn == '%s' }.notEnoughData".formatted(schoolB)))
                .isEqualTo(count(null, true));
        assertThat(body).doesNotContain("Private title").doesNotContain("Secret evidence").doesNotContain("Every pupil in 8B");

        JsonPath a = view(admin, "/api/v1/insight/partnerships/" + partnership + "?school=" + schoolA);
        JsonPath b = view(Tokens.schoolLead(UUID.randomUUID(), schoolB), "/api/v1/insight/schools/" + schoolB);
        assertThat(b.getMap("goalsSet")).isEqualTo(count(null, true));
        long difference = ((Number) all.getMap("goalsSet").get("value")).longValue()
                - ((Number) a.getMap("goalsSet").get("value")).longValue();
        assertThat(difference >= 1 && difference <= 4).as("school B's 3 goals recovered as " + difference).isFalse();
        for (JsonPath v : List.of(all, a, b)) {
            for (Object value : publishedValues(v.get("$"))) {
                assertThat(((Number) value).longValue() % 5).as("published count " + value).isZero();
            }
        }
    }

    /** The date filter keeps what was set (goals) or dated (evidence) within from..to, both inclusive. */
    @Test
    void theDateFilterKeepsWhatWasSetOrDatedWithinIt() {
        for (int t = 0; t < 5; t++) {
            String teacher = teacher(schoolA);
            goalOf(teacher, "A goal", "SHARED");
            as(teacher).body(EvidenceApiTest.evidence("Evidence", "type", "PUPIL_WORK", "standardIds", List.of(EvidenceApiTest.TS2)))
                    .post("/api/v1/evidence").then().statusCode(201);
        }
        String admin = Tokens.admin(partnership);
        String path = "/api/v1/insight/partnerships/" + partnership;
        LocalDate today = LocalDate.now();
        JsonPath within = view(admin, path + "?from=" + today.minusDays(30) + "&to=" + today.plusDays(1));
        assertThat(within.getMap("goalsSet")).isEqualTo(count(5, false));
        assertThat(within.getMap("evidenceByType.find { it.type == 'PUPIL_WORK' }.evidence")).isEqualTo(count(5, false));
        assertThat(within.getMap("evidenceByStandard.find { it.standard == 'TS2' }.evidence")).isEqualTo(count(5, false));
        JsonPath later = view(admin, path + "?from=" + today.plusDays(2) + "&to=" + today.plusDays(9));
        assertThat(later.getMap("goalsSet")).isEqualTo(count(0, false));
        assertThat(later.getList("evidenceByStandard")).isEmpty();
        JsonPath earlier = view(admin, path + "?to=" + today.minusDays(31));
        assertThat(earlier.getMap("evidenceByType.find { it.type == 'PUPIL_WORK' }.evidence")).isEqualTo(count(0, false));
    }

    @Test
    void onlyTheAdminAndTheSchoolsLeadSeeTheViewsAndBadFiltersAreProblems() {
        String teacher = teacher(schoolA);
        goalOf(teacher, "A goal", "SHARED");
        String partnershipPath = "/api/v1/insight/partnerships/" + partnership;
        String schoolPath = "/api/v1/insight/schools/" + schoolA;
        given().auth().oauth2(Tokens.admin(partnership)).get(partnershipPath).then().statusCode(200);
        given().auth().oauth2(Tokens.admin(partnership)).get(schoolPath).then().statusCode(200).body("scope.kind", equalTo("SCHOOL"));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(partnershipPath).then().statusCode(404);
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(schoolPath).then().statusCode(404);
        given().auth().oauth2(Tokens.schoolLead(UUID.randomUUID(), schoolA)).get(schoolPath).then().statusCode(200);
        given().auth().oauth2(Tokens.schoolLead(UUID.randomUUID(), schoolA)).get(partnershipPath).then().statusCode(404);
        given().auth().oauth2(Tokens.schoolLead(UUID.randomUUID(), schoolB)).get(schoolPath).then().statusCode(404);
        given().auth().oauth2(teacher).get(schoolPath).then().statusCode(404);
        given().auth().oauth2(Tokens.mis(schoolA)).get(schoolPath).then().statusCode(404);
        given().get(partnershipPath).then().statusCode(401);

        given().auth().oauth2(Tokens.admin(partnership)).queryParam("from", LocalDate.now().toString())
                .queryParam("to", LocalDate.now().minusDays(1).toString()).get(partnershipPath).then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:cpd:problem:invalid-date-range"));
        for (Map.Entry<String, String> bad : Map.of("from", "1 May", "to", "2026-13-01", "form", "TUTORING", "school", "12").entrySet()) {
            given().auth().oauth2(Tokens.admin(partnership)).queryParam(bad.getKey(), bad.getValue()).get(partnershipPath)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }
}
