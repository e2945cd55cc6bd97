package org.cpd.goals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.GOALS_TOPIC;
import static org.cpd.goals.Fixtures.activeGoal;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.column;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.relationship;
import static org.cpd.goals.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.goals.GoalsEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.EventSchemas;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Every write publishes exactly its event on the real broker: keyed by the aggregate id, valid
 * against its type's schema, with ids, enums and dates only. A write that changes nothing, or is
 * refused, publishes nothing.
 */
@QuarkusTest
class GoalsEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern ID_ENUM_OR_DATE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            + "|\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?"
            + "|[A-Z0-9][A-Z0-9_:.-]*");
    static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z]*");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    final UUID learner = UUID.randomUUID();
    final UUID mentor = UUID.randomUUID();

    /** Every text a test request sends, none of which may reach an event. */
    static final List<String> TEXTS = List.of("Secret ambition", "Renamed ambition", "explain how they reached",
            "justify answers", "model explanations", "Drawing explanations", "Pupils answer", "paired rehearsal",
            "Try it with 9C", "Private doubts", "Shared observation", "Observed by", "Wait time", "work.png",
            "image/png", "Changed classes", "Early career framework", "High expectations");

    @Test
    void aGoalEditPublishesGoalUpdatedAndAnEditThatChangesNothingPublishesNothing() throws Exception {
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        Map<String, Object> content = goal("Secret ambition");
        String id = createGoal(learner, content);
        String stretch = (String) content.get("stretch");
        asPractitioner(learner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("stretch", stretch)).patch("/api/v1/goals/" + id).then().statusCode(200).header("ETag", "\"0\"");

        String later = LocalDate.now().plusMonths(5).toString();
        asPractitioner(learner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("targetDate", later, "visibility", "RELATIONSHIP", "relationshipIds", List.of(rel.toString())))
                .patch("/api/v1/goals/" + id).then().statusCode(200).header("ETag", "\"1\"");
        Map<String, Object> sameAsNow = with(with(with(content, "targetDate", later), "visibility", "RELATIONSHIP"),
                "relationshipIds", List.of(rel.toString()));
        asPractitioner(learner).header("If-Match", "\"1\"").body(sameAsNow).put("/api/v1/goals/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
        asPractitioner(learner).header("If-Match", "\"1\"").body(with(sameAsNow, "title", "Renamed ambition"))
                .put("/api/v1/goals/" + id).then().statusCode(200).header("ETag", "\"2\"");

        List<JsonNode> data = published(id, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_UPDATED, GoalsEvents.GOAL_UPDATED);
        JsonNode shared = data.get(1);
        assertThat(shared.path("changedFields").toString()).isEqualTo("[\"relationshipIds\",\"targetDate\",\"visibility\"]");
        assertThat(shared.path("targetDate").asText()).isEqualTo(later);
        assertThat(shared.path("visibility").asText()).isEqualTo("RELATIONSHIP");
        assertThat(shared.path("relationshipIds").toString()).isEqualTo("[\"" + rel + "\"]");
        assertThat(shared.path("ownerId").asText()).isEqualTo(learner.toString());
        assertThat(shared.path("status").asText()).isEqualTo("DRAFT");
        assertThat(data.get(2).path("changedFields").toString()).isEqualTo("[\"title\"]");
    }

    @Test
    void aGoalMadePrivateAgainNamesNoRelationship() throws Exception {
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        String id = createGoal(learner, with(with(goal("Secret ambition"), "visibility", "RELATIONSHIP"),
                "relationshipIds", List.of(rel.toString())));
        asPractitioner(learner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("visibility", "PRIVATE", "relationshipIds", List.of())).patch("/api/v1/goals/" + id)
                .then().statusCode(200);
        JsonNode updated = published(id, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_UPDATED).get(1);
        assertThat(updated.path("visibility").asText()).isEqualTo("PRIVATE");
        assertThat(updated.path("relationshipIds").size()).isZero();
        assertThat(updated.toString()).doesNotContain(rel.toString());
    }

    @Test
    void everyStatusChangeRevisionAndReviewPublishesItsEventAndARefusedOneNothing() throws Exception {
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        String achieved = activeGoal(learner, goal("Secret ambition"));
        asPractitioner(learner).post("/api/v1/goals/" + achieved + "/achieve").then().statusCode(200);
        asPractitioner(learner).post("/api/v1/goals/" + achieved + "/achieve").then().statusCode(409);
        asPractitioner(learner).header("If-Match", "*").body(goal("Renamed ambition")).put("/api/v1/goals/" + achieved)
                .then().statusCode(409);
        List<JsonNode> changes = published(achieved, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_STATUS_CHANGED,
                GoalsEvents.GOAL_STATUS_CHANGED);
        assertThat(changes.get(2).path("from").asText() + "->" + changes.get(2).path("to").asText()).isEqualTo("ACTIVE->ACHIEVED");

        String stopped = activeGoal(learner, goal("Secret ambition"));
        asPractitioner(learner).body(Map.of("reason", "Changed classes")).post("/api/v1/goals/" + stopped + "/discontinue")
                .then().statusCode(200);
        assertThat(published(stopped, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_STATUS_CHANGED,
                GoalsEvents.GOAL_STATUS_CHANGED).get(2).path("to").asText()).isEqualTo("DISCONTINUED");

        String revised = activeGoal(learner, goal("Secret ambition"));
        String etag = asPractitioner(learner).get("/api/v1/goals/" + revised).header("ETag");
        String successor = asPractitioner(learner).header("If-Match", etag)
                .body(with(with(goal("Renamed ambition"), "visibility", "RELATIONSHIP"), "relationshipIds", List.of(rel.toString())))
                .post("/api/v1/goals/" + revised + "/revise").then().statusCode(201).extract().path("id");
        assertThat(published(revised, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_STATUS_CHANGED,
                GoalsEvents.GOAL_STATUS_CHANGED).get(2).path("successorGoalId").asText()).isEqualTo(successor);

        asPractitioner(mentor).body(ReviewsAndPortfolioTest.review(LocalDate.now().plusWeeks(2)))
                .post("/api/v1/goals/" + successor + "/reviews").then().statusCode(201);
        asPractitioner(mentor).body(with(ReviewsAndPortfolioTest.review(LocalDate.now().plusWeeks(2)),
                "reviewedOn", LocalDate.now().plusDays(1).toString())).post("/api/v1/goals/" + successor + "/reviews")
                .then().statusCode(400);
        List<JsonNode> successorEvents = published(successor, GoalsEvents.GOAL_SET, GoalsEvents.GOAL_REVIEWED);
        assertThat(successorEvents.get(0).path("supersedes").asText()).isEqualTo(revised);
        assertThat(successorEvents.get(1).path("reviewerId").asText()).isEqualTo(mentor.toString());
    }

    @Test
    void evidenceLinksAndAttachmentsPublishTheirEventsKeyedByTheEvidence() throws Exception {
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        String goalId = activeGoal(learner, goal("Secret ambition"));
        String shared = asPractitioner(learner).body(EvidenceApiTest.evidence("Shared observation",
                        "visibility", "RELATIONSHIP", "relationshipIds", List.of(rel.toString())))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        link(shared, goalId);
        link(shared, goalId); // linking twice changes nothing
        String attachment = attach(shared);
        refusedUpload(shared);
        given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN)).delete("/api/v1/attachments/" + attachment)
                .then().statusCode(204);

        List<JsonNode> data = published(shared, GoalsEvents.EVIDENCE_ADDED, GoalsEvents.EVIDENCE_LINKED,
                GoalsEvents.EVIDENCE_ATTACHMENT_ADDED, GoalsEvents.EVIDENCE_ATTACHMENT_REMOVED);
        assertThat(data.get(1).path("goalId").asText()).isEqualTo(goalId);
        for (JsonNode file : data.subList(2, 4)) {
            assertThat(file.path("attachmentId").asText()).isEqualTo(attachment);
            assertThat(file.path("evidenceId").asText()).isEqualTo(shared);
            assertThat(file.path("ownerId").asText()).isEqualTo(learner.toString());
        }
    }

    @Test
    void privateEvidenceSaysNoMoreThanThatItAndItsFilesExist() throws Exception {
        String goalId = activeGoal(learner, goal("Secret ambition"));
        String hidden = asPractitioner(learner).body(EvidenceApiTest.evidence("Private doubts"))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        link(hidden, goalId); // the link of private evidence stays private
        String attachment = attach(hidden);
        List<JsonNode> data = published(hidden, GoalsEvents.EVIDENCE_ADDED, GoalsEvents.EVIDENCE_ATTACHMENT_ADDED);
        assertThat(data.get(1).path("attachmentId").asText()).isEqualTo(attachment);
        assertThat(data.toString()).doesNotContain(goalId, "LESSON_OBSERVATION");
    }

    @Test
    void creatingAStandardsFrameworkPublishesItAndARefusedDuplicateNothing() throws Exception {
        String code = "FW-EVENTS-" + Math.abs(learner.getMostSignificantBits() % 100000);
        Map<String, Object> body = Map.of("code", code, "name", "Early career framework",
                "standards", List.of(Map.of("code", "HE1", "title", "High expectations"), Map.of("code", "HE2", "title", "Pace")));
        String admin = Tokens.admin(UUID.randomUUID());
        String id = given().auth().oauth2(admin).contentType("application/json").body(body)
                .post("/api/v1/standards-frameworks").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/standards-frameworks")
                .then().statusCode(409);
        JsonNode created = published(id, GoalsEvents.STANDARDS_FRAMEWORK_CREATED).get(0);
        assertThat(created.path("code").asText()).isEqualTo(code);
        assertThat(created.path("standardCodes").toString()).isEqualTo("[\"HE1\",\"HE2\"]");
        assertThat(column("select event_type from outbox_event where event_type = '"
                + GoalsEvents.STANDARDS_FRAMEWORK_CREATED + "' and payload like '%" + code + "%'")).hasSize(1);
    }

    // --- writes ---

    void link(String evidenceId, String goalId) {
        asPractitioner(learner).body(Map.of("goalId", goalId)).post("/api/v1/evidence/" + evidenceId + "/goals")
                .then().statusCode(200);
    }

    String attach(String evidenceId) {
        return given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN))
                .multiPart("file", "work.png", PNG, "image/png").post("/api/v1/evidence/" + evidenceId + "/attachments")
                .then().statusCode(201).extract().path("id");
    }

    void refusedUpload(String evidenceId) {
        given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN))
                .multiPart("file", "work.png", "#!/bin/sh\necho no".getBytes(), "image/png")
                .post("/api/v1/evidence/" + evidenceId + "/attachments").then().statusCode(415);
    }

    // --- what was published ---

    /**
     * Asserts that the writes on aggregate {@code key} published exactly {@code types}, in order: the
     * outbox (written in the write's transaction, so complete once it answered) holds exactly those,
     * and the broker delivers them, keyed by the aggregate, valid against their schemas, with no text.
     * Returns their data.
     */
    static List<JsonNode> published(String key, String... types) throws Exception {
        List<String> eventIds = column("select event_id from outbox_event where aggregate_id = '" + key + "' order by sequence");
        assertThat(column("select event_type from outbox_event where aggregate_id = '" + key + "' order by sequence"))
                .as("events written for %s", key).containsExactly(types);
        List<ConsumerRecord<String, String>> records = CloudEventsOnKafka.await(GOALS_TOPIC, r -> key.equals(r.key()), types.length);
        assertThat(records.stream().map(r -> CloudEventsOnKafka.header(r, "ce_type")))
                .as("events published for %s", key).containsExactly(types);
        assertThat(records.stream().map(r -> CloudEventsOnKafka.header(r, "ce_id"))).containsExactlyElementsOf(eventIds);
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(CloudEventsOnKafka.header(record, "ce_subject")).isEqualTo(key);
            EventSchemas.assertValid(record);
            assertThat(record.value()).doesNotContain(TEXTS.toArray(String[]::new));
            JsonNode json = JSON.readTree(record.value());
            assertOnlyIdsEnumsAndDates(CloudEventsOnKafka.header(record, "ce_type"), "", json);
            data.add(json);
        }
        return data;
    }

    static void assertOnlyIdsEnumsAndDates(String type, String field, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> assertOnlyIdsEnumsAndDates(type, f.getKey(), f.getValue()));
        } else if (node.isArray()) {
            node.forEach(item -> assertOnlyIdsEnumsAndDates(type, field, item));
        } else if (node.isTextual()) {
            Pattern allowed = field.equals("changedFields") ? FIELD_NAME : ID_ENUM_OR_DATE;
            assertThat(node.asText()).as("%s of %s is an id, an enum or a date", field, type).matches(allowed);
        }
    }
}
