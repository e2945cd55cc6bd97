package org.cpd.goals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.activeGoal;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.eventsFor;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.relationship;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvidenceApiTest {

    static final String TS5 = "50000000-0000-4000-8000-000000000105";
    static final String TS2 = "50000000-0000-4000-8000-000000000102";

    final UUID learner = UUID.randomUUID();

    static Map<String, Object> evidence(String title, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "LESSON_OBSERVATION");
        body.put("occurredOn", LocalDate.now().minusDays(2).toString());
        body.put("title", title);
        body.put("description", "Observed by my mentor, period 3");
        body.put("reflection", "Wait time worked because pupils rehearsed with a partner first");
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @Test
    void theTeachersStandardsAreSeededAsData() {
        asPractitioner(learner).queryParam("code", "TEACHERS-STANDARDS").get("/api/v1/standards-frameworks")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].standards.code", equalTo(List.of("TS1", "TS2", "TS3", "TS4", "TS5", "TS6", "TS7", "TS8", "PART2")));
    }

    @Test
    void partnershipAdminsLoadAnotherFrameworkOthersCannot() {
        Map<String, Object> body = Map.of("code", "FW-" + Math.abs(learner.getMostSignificantBits() % 100000),
                "name", "Early career framework", "standards", List.of(Map.of("code", "HE1", "title", "High expectations")));
        asPractitioner(learner).body(body).post("/api/v1/standards-frameworks").then().statusCode(403);
        String admin = Tokens.admin(UUID.randomUUID());
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/standards-frameworks")
                .then().statusCode(201).body("standards[0].code", equalTo("HE1"));
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/standards-frameworks")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:framework-exists"));
    }

    @Test
    void recordsEvidenceLinkedToGoalsAndStandards() {
        String g1 = activeGoal(learner, goal("Questioning"));
        String g2 = activeGoal(learner, goal("Assessment"));
        String id = asPractitioner(learner).body(evidence("Observed lesson", "goalIds", List.of(g1), "standardIds", List.of(TS5)))
                .post("/api/v1/evidence").then().statusCode(201)
                .body("goalIds", equalTo(List.of(g1))).body("standardIds", equalTo(List.of(TS5)))
                .body("reflection", equalTo("Wait time worked because pupils rehearsed with a partner first"))
                .extract().path("id");
        asPractitioner(learner).body(Map.of("goalId", g2)).post("/api/v1/evidence/" + id + "/goals")
                .then().statusCode(200).body("goalIds", hasItem(g2));
        asPractitioner(learner).queryParam("goalId", g2).get("/api/v1/evidence").then().body("items", hasSize(1));
    }

    @Test
    void refusesLinksToAnotherLearnersGoalOrAnUnknownStandard() {
        String someoneElses = activeGoal(UUID.randomUUID(), goal("Theirs"));
        asPractitioner(learner).body(evidence("Bad link", "goalIds", List.of(someoneElses))).post("/api/v1/evidence")
                .then().statusCode(422).body("type", equalTo("urn:cpd:problem:unknown-goal"));
        asPractitioner(learner).body(evidence("Bad standard", "standardIds", List.of(UUID.randomUUID().toString())))
                .post("/api/v1/evidence").then().statusCode(422).body("type", equalTo("urn:cpd:problem:unknown-standard"));
        assertThat(count("select count(*) from evidence where owner_id = '" + learner + "'")).isZero();
    }

    @Test
    void aVideoOfPracticeIsALinkWithTimestamps() {
        asPractitioner(learner).body(evidence("Video", "type", "VIDEO_OF_PRACTICE")).post("/api/v1/evidence")
                .then().statusCode(400).body("type", equalTo("urn:cpd:problem:video-link-required"));
        asPractitioner(learner).body(evidence("Video", "type", "VIDEO_OF_PRACTICE", "videoUrl", "https://video.example/v/42",
                        "videoMoments", List.of(Map.of("at", "12:30", "note", "first pupil explanation"))))
                .post("/api/v1/evidence").then().statusCode(201).body("videoMoments[0].at", equalTo("12:30"));
        asPractitioner(learner).body(evidence("Video", "type", "VIDEO_OF_PRACTICE", "videoUrl", "https://video.example/v/42",
                        "videoMoments", List.of(Map.of("at", "half way"))))
                .post("/api/v1/evidence").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("videoMoments"));
    }

    @Test
    void refusesEvidenceDatedInTheFuture() {
        asPractitioner(learner).body(evidence("Tomorrow", "occurredOn", LocalDate.now().plusDays(1).toString()))
                .post("/api/v1/evidence").then().statusCode(400).body("type", equalTo("urn:cpd:problem:evidence-in-future"));
    }

    @Test
    void privateEvidenceNeverReachesASupporterEvenOnASharedGoal() {
        UUID mentor = UUID.randomUUID();
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        String goalId = activeGoal(learner, Fixtures.with(Fixtures.with(goal("Shared goal"), "visibility", "RELATIONSHIP"),
                "relationshipIds", List.of(rel.toString())));
        String privateId = asPractitioner(learner).body(evidence("My private doubts", "goalIds", List.of(goalId)))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        String sharedId = asPractitioner(learner).body(evidence("Shared observation", "goalIds", List.of(goalId),
                        "visibility", "RELATIONSHIP", "relationshipIds", List.of(rel.toString())))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");

        asPractitioner(mentor).get("/api/v1/evidence/" + privateId).then().statusCode(404);
        asPractitioner(mentor).get("/api/v1/evidence/" + sharedId).then().statusCode(200);
        asPractitioner(mentor).queryParam("goalId", goalId).get("/api/v1/evidence")
                .then().body("items", hasSize(1)).body("items[0].id", equalTo(sharedId));
        String portfolio = asPractitioner(mentor).get("/api/v1/portfolios/" + learner).then().statusCode(200).extract().asString();
        assertThat(portfolio).contains("Shared observation").doesNotContain("My private doubts", privateId);
        String html = given().auth().oauth2(Tokens.practitioner(mentor, Fixtures.URN)).accept("text/html")
                .get("/api/v1/portfolios/" + learner).then().statusCode(200).extract().asString();
        assertThat(html).contains("Shared observation").doesNotContain("My private doubts");

        String privateEvent = eventsFor("cpd.goals.evidence-added.v1", privateId, 1).get(0);
        assertThat(privateEvent).contains("\"visibility\":\"PRIVATE\"")
                .doesNotContain("My private doubts", "Observed by", "Wait time", goalId, "LESSON_OBSERVATION");
        String sharedEvent = eventsFor("cpd.goals.evidence-added.v1", sharedId, 1).get(0);
        assertThat(sharedEvent).contains(goalId).doesNotContain("Shared observation", "Wait time");
    }
}
