package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Explained, deterministic matching with buffer zones, capacity and load spreading. */
@QuarkusTest
class MatchingTest extends SchoolTest {

    UUID learner;
    UUID lineManager;
    UUID appraiser;
    UUID full;
    UUID free3;
    UUID free2;

    @BeforeEach
    void people() {
        learner = Fixtures.practitioner(school, "EARLY_CAREER_TEACHER");
        lineManager = supporter("MIDDLE_LEADER", 3);
        appraiser = supporter("SENIOR_LEADER", 3);
        full = supporter("TEACHER", 1);
        free3 = supporter("TEACHER", 3);
        free2 = supporter("TEACHER", 3);
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + learner))
                .body("{\"lineManagerIds\":[\"" + lineManager + "\"],\"appraiserIds\":[\"" + appraiser + "\"]}")
                .put("/api/v1/practitioners/" + learner + "/line-management").then().statusCode(200);
        occupy(full, 1);
        occupy(free2, 1);
    }

    UUID supporter(String stage, int capacity) {
        UUID id = Fixtures.practitioner(school, stage);
        as(Tokens.practitioner(id, school.urn()))
                .body("{\"forms\":[{\"form\":\"SPECIALIST_COACHING\",\"capacity\":" + capacity + "},"
                        + "{\"form\":\"CO_COACHING\",\"capacity\":" + capacity + "},"
                        + "{\"form\":\"MENTORING\",\"capacity\":" + capacity + "}],\"mentoringPurposes\":[\"INDUCTION\"],"
                        + "\"expertiseCodes\":[\"ASSESSMENT_FOR_LEARNING\"],\"workModes\":[\"OWN_SCHOOL\"]}")
                .put("/api/v1/support-offers/" + id).then().statusCode(200);
        return id;
    }

    /** Simulates relationships-service: the supporter takes on a coaching relationship. */
    void occupy(UUID supporter, int expectedLoad) {
        String eventId = UUID.randomUUID().toString();
        String relationship = UUID.randomUUID().toString();
        String data = relationshipData(relationship, supporter, "ACTIVE");
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, eventId, RelationshipEvents.ACTIVATED, RelationshipEvents.SOURCE,
                relationship, data);
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, eventId, RelationshipEvents.ACTIVATED, RelationshipEvents.SOURCE,
                relationship, data); // a redelivery must not count twice
        awaitLoad(supporter, expectedLoad);
    }

    /** Sends a relationship's event as relationships-service does: the supporter coaches a learner. */
    static void relationshipEvent(String type, String relationship, UUID supporter, String status) {
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, type, RelationshipEvents.SOURCE, relationship,
                relationshipData(relationship, supporter, status));
    }

    /** A new relationship of the supporter's, announced by {@code type}; returns its id once it counts in their load. */
    String counted(UUID supporter, String type, String status) {
        String relationship = UUID.randomUUID().toString();
        relationshipEvent(type, relationship, supporter, status);
        awaitLoad(supporter, 1);
        return relationship;
    }

    static String relationshipData(String relationship, UUID supporter, String status) {
        return "{\"relationshipId\":\"" + relationship + "\",\"form\":\"SPECIALIST_COACHING\",\"status\":\"" + status + "\","
                + "\"participants\":[{\"practitionerId\":\"" + supporter + "\",\"role\":\"SUPPORTER\"},"
                + "{\"practitionerId\":\"" + UUID.randomUUID() + "\",\"role\":\"LEARNER\"}],"
                + "\"activatedAt\":\"2026-09-01T08:00:00Z\"}";
    }

    void awaitLoad(UUID supporter, int load) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(lead).get("/api/v1/support-offers/" + supporter).then().statusCode(200).extract()
                        .<Integer>path("forms.find { it.form == 'SPECIALIST_COACHING' }.load"), equalTo(load));
    }

    JsonPath match(String form, String... extra) {
        var request = as(Tokens.practitioner(learner, school.urn()))
                .queryParam("learnerId", learner).queryParam("form", form)
                .queryParam("expertise", "ASSESSMENT_FOR_LEARNING").queryParam("explain", true);
        for (int i = 0; i < extra.length; i += 2) {
            request.queryParam(extra[i], extra[i + 1]);
        }
        return request.get("/api/v1/matches").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void refusesCoachingByLineManagerOrAppraiserAndSaysWhy() {
        JsonPath result = match("SPECIALIST_COACHING");
        List<String> candidates = result.getList("candidates.practitionerId");
        assertThat(candidates).doesNotContain(lineManager.toString(), appraiser.toString());
        assertThat(result.getList("excluded.findAll { it.reason == 'BUFFER_ZONE' }.practitionerId"))
                .contains(lineManager.toString(), appraiser.toString());
        assertThat(result.getList("candidates.practitionerId", String.class))
                .doesNotContain(learner.toString());
    }

    @Test
    void coCoachingHasTheSameBufferZone() {
        assertThat(match("CO_COACHING").getList("candidates.practitionerId")).doesNotContain(lineManager.toString());
    }

    @Test
    void mentoringByTheLineManagerIsAllowedButFlagged() {
        JsonPath result = match("MENTORING", "purpose", "INDUCTION");
        int index = result.getList("candidates.practitionerId").indexOf(lineManager.toString());
        assertThat(index).isNotNegative();
        assertThat(result.getList("candidates[" + index + "].flags")).contains("LINE_MANAGER_OF_LEARNER");
    }

    @Test
    void leavesOutSupportersAtCapacityAndSaysWhy() {
        JsonPath result = match("SPECIALIST_COACHING");
        assertThat(result.getList("candidates.practitionerId")).doesNotContain(full.toString());
        assertThat(result.getList("excluded.findAll { it.reason == 'AT_CAPACITY' }.practitionerId")).contains(full.toString());
    }

    @Test
    void spreadsLoadByRankingMoreFreeCapacityHigherAtEqualFit() {
        List<String> ranked = match("SPECIALIST_COACHING").getList("candidates.practitionerId");
        assertThat(ranked).containsSubsequence(free3.toString(), free2.toString());
    }

    @Test
    void continuesWithAPreviousSupporterWhenAsked() {
        JsonPath result = match("SPECIALIST_COACHING", "continueWith", free2.toString());
        assertThat(result.getString("candidates[0].practitionerId")).isEqualTo(free2.toString());
        assertThat(result.getList("candidates[0].reasons.code")).contains("CONTINUES_WITH_PREVIOUS");
    }

    @Test
    void rankingIsDeterministicAndExplained() {
        JsonPath first = match("SPECIALIST_COACHING");
        JsonPath second = match("SPECIALIST_COACHING");
        assertThat(first.getList("candidates.practitionerId")).isEqualTo(second.getList("candidates.practitionerId"));
        assertThat(first.getList("candidates[0].reasons.code")).contains("EXPERTISE_OVERLAP", "SAME_SCHOOL", "FREE_CAPACITY");
        assertThat(first.getInt("candidates[0].score")).isPositive();
    }

    @Test
    void closingARelationshipFreesThePlace() {
        UUID supporter = supporter("TEACHER", 2);
        String relationship = counted(supporter, RelationshipEvents.PROPOSED, "PROPOSED");
        relationshipEvent(RelationshipEvents.CLOSED, relationship, supporter, "CLOSED");
        awaitLoad(supporter, 0);
    }

    @Test
    void unknownExpertiseInANeedIsRefused() {
        as(Tokens.practitioner(learner, school.urn())).queryParam("learnerId", learner).queryParam("form", "SPECIALIST_COACHING")
                .queryParam("expertise", "ALCHEMY").get("/api/v1/matches")
                .then().statusCode(400).body("errors.field", hasItem("expertise"));
    }

    @Test
    void onlyTheLearnerTheirLeadsAndAdminsMayMatch() {
        as(Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID()).partnerships(school.partnership().id()).build())
                .queryParam("learnerId", learner).queryParam("form", "MENTORING").get("/api/v1/matches")
                .then().statusCode(403);
        as(lead).queryParam("learnerId", learner).queryParam("form", "MENTORING").get("/api/v1/matches")
                .then().statusCode(200).body("candidates.practitionerId", not(hasItem(learner.toString())));
        as(lead).queryParam("form", "MENTORING").get("/api/v1/matches").then().statusCode(400)
                .body("errors.field", hasItem("learnerId"));
    }

    @Test
    void cpdRecordShowsSupportGivenAndThePathway() {
        UUID supporter = supporter("TEACHER", 2);
        String relationship = counted(supporter, RelationshipEvents.ACTIVATED, "ACTIVE");
        String conversation = "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"relationshipId\":\"" + relationship + "\","
                + "\"form\":\"SPECIALIST_COACHING\",\"startsAt\":\"2026-09-08T15:30:00Z\",\"durationMinutes\":90,"
                + "\"supporterId\":\"" + supporter + "\",\"coachId\":\"" + supporter + "\",\"participants\":[],"
                + "\"agendaOwner\":\"SHARED\",\"activities\":[]}";
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, RelationshipEvents.CONVERSATION_RECORDED, RelationshipEvents.SOURCE,
                relationship, conversation);
        String self = Tokens.practitioner(supporter, school.urn());
        float hours = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> as(self).get("/api/v1/cpd-records/" + supporter).then().statusCode(200).extract()
                        .<Float>path("totalHoursGiven"), h -> h != 0);
        assertThat(hours).isEqualTo(1.5f);
        as(self).get("/api/v1/cpd-records/" + supporter).then().statusCode(200)
                .body("pathwayStage", equalTo("SPECIALIST_COACH"))
                .body("supported.find { it.form == 'SPECIALIST_COACHING' }.current", equalTo(1));
        as(Tokens.practitioner(UUID.randomUUID(), school.urn())).get("/api/v1/cpd-records/" + supporter)
                .then().statusCode(404);
    }
}
