package org.cpd.goals;

import static org.cpd.goals.Fixtures.activeGoal;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.goal;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** GET /api/v1/privacy/subjects/{id}/export: goals-service's part of a subject access export. */
@QuarkusTest
class SubjectAccessTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Test
    void thePersonGetsTheirGoalsPrivateEvidenceWithAttachmentsAndReviews() {
        UUID learner = UUID.randomUUID();
        String goalId = activeGoal(learner, goal("Questioning"));
        asPractitioner(learner).body(Map.of("reviewedOn", LocalDate.now().toString(), "progress", "DEVELOPING",
                "learned", "Wait time helps")).post("/api/v1/goals/" + goalId + "/reviews").then().statusCode(201);
        String evidenceId = asPractitioner(learner).body(EvidenceApiTest.evidence("Private reflection", "goalIds", List.of(goalId)))
                .post("/api/v1/evidence").then().statusCode(201).body("visibility", equalTo("PRIVATE")).extract().path("id");
        String attachment = asPractitioner(learner).contentType("multipart/form-data").multiPart("file", "work.png", PNG, "image/png")
                .post("/api/v1/evidence/" + evidenceId + "/attachments").then().statusCode(201).extract().path("id");
        activeGoal(UUID.randomUUID(), goal("Someone else's"));

        asPractitioner(learner).get("/api/v1/privacy/subjects/me/export").then().statusCode(200)
                .body("service", equalTo("goals-service"))
                .body("practitionerId", equalTo(learner.toString()))
                .body("goals.id", contains(goalId))
                .body("evidence.id", contains(evidenceId))
                .body("evidence[0].attachments.id", contains(attachment))
                .body("reviews.goalId", contains(goalId));

        asPractitioner(learner).get("/api/v1/audit?subject=me&action=export").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceType", equalTo("practitioner"))
                .body("items[0].reason", equalTo("subject access request"));
    }

    @Test
    void anAdminOfAPartnershipTheGoalsWereRecordedInExportsThemAndNoOtherAdminDoes() {
        UUID learner = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        String learnerToken = Tokens.builder().roles("practitioner").practitioner(learner).schools("100001")
                .partnerships(partnership).build();
        String goalId = as(learnerToken).body(goal("Recorded in the partnership")).post("/api/v1/goals").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/privacy/subjects/" + learner + "/export";

        as(Tokens.admin(partnership)).get(path).then().statusCode(200).body("goals.id", contains(goalId));
        as(Tokens.admin(UUID.randomUUID())).get(path).then().statusCode(404);
        as(Tokens.schoolLead(UUID.randomUUID(), "100001")).get(path).then().statusCode(404);
        asPractitioner(learner).get("/api/v1/audit?subject=me&action=export").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].details", equalTo("subject access by a partnership admin"));
    }

    @Test
    void anyoneElseGetsNotFoundAndBadIdsAreRefused() {
        UUID learner = UUID.randomUUID();
        activeGoal(learner, goal("Mine"));
        String path = "/api/v1/privacy/subjects/" + learner + "/export";
        asPractitioner(UUID.randomUUID()).get(path).then().statusCode(404);
        as(Tokens.admin(UUID.randomUUID())).get(path).then().statusCode(404);
        as(Tokens.admin(UUID.randomUUID())).get("/api/v1/privacy/subjects/me/export").then().statusCode(404);
        asPractitioner(learner).get("/api/v1/privacy/subjects/" + learner + "x/export").then().statusCode(400)
                .body("errors[0].field", equalTo("practitionerId"));
    }
}
