package org.cpd.goals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.activeGoal;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.eventsFor;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.OpenApiDrift;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GoalsApiTest {

    final UUID learner = UUID.randomUUID();

    long goalsOf(UUID owner) {
        return count("select count(*) from goal where owner_id = '" + owner + "'");
    }

    @Test
    void setsAGoalAsDraftOwnedByTheCaller() {
        Response created = asPractitioner(learner).body(goal("Reasoning in maths")).post("/api/v1/goals");
        created.then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/goals/" + created.path("id")))
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"))
                .body("ownerId", equalTo(learner.toString()))
                .body("visibility", equalTo("PRIVATE"))
                .body("pupilAspiration", equalTo("Every pupil in 8B can explain how they reached an answer"));
        asPractitioner(learner).get("/api/v1/goals/" + created.path("id")).then().statusCode(200)
                .header("ETag", "\"0\"").body("title", equalTo("Reasoning in maths"));
    }

    @Test
    void replaysACreateRetriedWithTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = goal("Retried goal");
        String first = asPractitioner(learner).header("Idempotency-Key", key).body(body).post("/api/v1/goals")
                .then().statusCode(201).extract().path("id");
        String second = asPractitioner(learner).header("Idempotency-Key", key).body(body).post("/api/v1/goals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        assertThat(goalsOf(learner)).isEqualTo(1);
        asPractitioner(learner).header("Idempotency-Key", key).body(with(body, "title", "Other")).post("/api/v1/goals")
                .then().statusCode(422).body("type", equalTo("urn:cpd:problem:idempotency-key-reused"));
    }

    @Test
    void refusesANewGoalWithATargetDateInThePast() {
        asPractitioner(learner).body(with(goal("Too late"), "targetDate", LocalDate.now().minusDays(1).toString()))
                .post("/api/v1/goals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:target-date-in-past"));
        assertThat(goalsOf(learner)).isZero();
    }

    @Test
    void requiresIfMatchToReplaceAGoalAndRefusesAStaleOne() {
        String id = createGoal(learner, goal("Original"));
        asPractitioner(learner).body(goal("Changed")).put("/api/v1/goals/" + id)
                .then().statusCode(428).body("type", equalTo("urn:cpd:problem:precondition-required"));
        asPractitioner(learner).header("If-Match", "\"0\"").body(goal("Changed")).put("/api/v1/goals/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("title", equalTo("Changed")).body("version", equalTo(1));
        asPractitioner(learner).header("If-Match", "\"0\"").body(goal("Lost update")).put("/api/v1/goals/" + id)
                .then().statusCode(412).body("type", equalTo("urn:cpd:problem:precondition-failed"));
        asPractitioner(learner).get("/api/v1/goals/" + id).then().body("title", equalTo("Changed"));
    }

    @Test
    void patchesOnlyTheMembersSent() {
        String id = createGoal(learner, goal("Patch me"));
        asPractitioner(learner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("stretch", "Questioning that waits for answers")).patch("/api/v1/goals/" + id)
                .then().statusCode(200)
                .body("stretch", equalTo("Questioning that waits for answers"))
                .body("title", equalTo("Patch me"));
        asPractitioner(learner).body(Map.of("title", "x")).patch("/api/v1/goals/" + id).then().statusCode(428);
    }

    @Test
    void movesThroughItsLifecycleByExplicitActions() {
        String id = createGoal(learner, goal("Lifecycle"));
        asPractitioner(learner).post("/api/v1/goals/" + id + "/achieve")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:invalid-status-transition"));
        asPractitioner(learner).post("/api/v1/goals/" + id + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));
        asPractitioner(learner).post("/api/v1/goals/" + id + "/activate").then().statusCode(409);
        asPractitioner(learner).post("/api/v1/goals/" + id + "/achieve").then().statusCode(200).body("status", equalTo("ACHIEVED"));
        asPractitioner(learner).header("If-Match", "*").body(goal("Too late to edit")).put("/api/v1/goals/" + id)
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:goal-closed"));
    }

    @Test
    void discontinuingNeedsAReason() {
        String id = activeGoal(learner, goal("Stop"));
        asPractitioner(learner).body(Map.of("reason", "")).post("/api/v1/goals/" + id + "/discontinue")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        asPractitioner(learner).body(Map.of("reason", "Changed classes")).post("/api/v1/goals/" + id + "/discontinue")
                .then().statusCode(200).body("status", equalTo("DISCONTINUED")).body("discontinuedReason", equalTo("Changed classes"));
    }

    @Test
    void revisingReplacesTheGoalByALinkedSuccessor() {
        String id = activeGoal(learner, goal("First version"));
        String etag = asPractitioner(learner).get("/api/v1/goals/" + id).header("ETag");
        Response successor = asPractitioner(learner).header("If-Match", etag).body(goal("Sharper version"))
                .post("/api/v1/goals/" + id + "/revise");
        successor.then().statusCode(201).body("status", equalTo("ACTIVE")).body("supersedes", equalTo(id));
        asPractitioner(learner).get("/api/v1/goals/" + id).then()
                .body("status", equalTo("REVISED")).body("supersededBy", equalTo(successor.path("id")))
                .body("title", equalTo("First version"));
        String changed = eventsFor("cpd.goals.goal-status-changed.v1", id, 2).get(1);
        assertThat(changed).contains("\"to\":\"REVISED\"", successor.<String>path("id"));
    }

    @Test
    void listsMyActiveGoalsPageByPage() {
        for (int i = 0; i < 3; i++) {
            activeGoal(learner, goal("Active " + i));
        }
        createGoal(learner, goal("Still a draft"));
        Response first = asPractitioner(learner).queryParam("owner", "me").queryParam("status", "ACTIVE")
                .queryParam("limit", 2).get("/api/v1/goals");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", notNullValue())
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        asPractitioner(learner).queryParam("owner", "me").queryParam("status", "ACTIVE").queryParam("limit", 2)
                .queryParam("cursor", first.<String>path("nextCursor")).get("/api/v1/goals")
                .then().statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].status", equalTo("ACTIVE"));
        // someone else's goals are not in my list
        asPractitioner(UUID.randomUUID()).queryParam("owner", "me").get("/api/v1/goals").then().body("items", hasSize(0));
    }

    @Test
    void anotherPractitionerGets404ForAPrivateGoal() {
        String id = createGoal(learner, goal("Mine"));
        asPractitioner(UUID.randomUUID()).get("/api/v1/goals/" + id).then().statusCode(404)
                .body("type", equalTo("urn:cpd:problem:not-found"));
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get("/api/v1/goals/" + id).then().statusCode(404);
        asPractitioner(UUID.randomUUID()).queryParam("owner", learner.toString()).get("/api/v1/goals")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void refusesAnonymousCallers() {
        given().get("/api/v1/goals").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void publishesGoalSetWithoutTheGoalsText() {
        String id = createGoal(learner, goal("Secret ambition"));
        String data = eventsFor("cpd.goals.goal-set.v1", id, 1).get(0);
        assertThat(data).contains(id, learner.toString(), "\"setBy\":\"LEARNER_LED\"", "\"status\":\"DRAFT\"")
                .doesNotContain("Secret ambition", "explain how they reached", "justify answers", "model explanations");
    }

    @Test
    void refusesBadInputWithProblemsAndWritesNothing() {
        String[] bodies = {
                "{\"title\": ",                                         // malformed JSON
                "{\"title\": [1,2]}",                                   // wrong type
                "",                                                     // empty body
        };
        for (String body : bodies) {
            asPractitioner(learner).body(body).post("/api/v1/goals")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        asPractitioner(learner).body(with(goal("Bad enum"), "priority", "WHENEVER")).post("/api/v1/goals")
                .then().statusCode(400).body("errors[0].field", equalTo("priority"));
        asPractitioner(learner).body(with(goal("Bad date"), "targetDate", "next year")).post("/api/v1/goals")
                .then().statusCode(400).body("errors[0].field", equalTo("targetDate"));
        asPractitioner(learner).body(with(goal(""), "setBy", null)).post("/api/v1/goals")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("title", "setBy"));
        asPractitioner(learner).body(with(goal("Bad urn"), "schoolUrn", "12")).post("/api/v1/goals")
                .then().statusCode(400).body("errors[0].field", equalTo("schoolUrn"));
        assertThat(goalsOf(learner)).isZero();

        for (Map.Entry<String, String> bad : Map.of("cursor", "not-a-cursor", "updatedSince", "yesterday",
                "limit", "0", "status", "FINISHED", "owner", "someone").entrySet()) {
            asPractitioner(learner).queryParam(bad.getKey(), bad.getValue()).get("/api/v1/goals")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
    }

    @Test
    void openApiDocumentMatchesTheCommittedOne() {
        OpenApiDrift.assertMatchesCommitted("goals-service");
    }

}
