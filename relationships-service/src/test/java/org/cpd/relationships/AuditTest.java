package org.cpd.relationships;

import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Who read a learner's conversation, and a buffer-zone override with its reason, as the learner and their admins read it. */
@QuarkusTest
class AuditTest extends CoachAndLearnerTest {

    @Test
    void aLeadsReadOfAConversationIsShownToTheLearnerAndTheirPartnershipsAdminOnly() {
        String id = conversationWithNotes(Api.activeCoaching(coach, learner));
        asLead(UUID.randomUUID()).header("X-Request-Id", "lead-read-1").get("/api/v1/conversations/" + id)
                .then().statusCode(200);

        as(learner).get("/api/v1/audit?subject=me&resourceType=conversation").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceId", equalTo(id))
                .body("items[0].subjectPersonId", equalTo(learner.toString()))
                .body("items[0].details", equalTo("without confidential notes"))
                .body("items[0].requestId", equalTo("lead-read-1"))
                .body("items[0].partnershipIds", contains(Directory.PARTNERSHIP.toString()));
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/audit?subject=" + learner + "&resourceType=conversation")
                .then().statusCode(200).body("items", hasSize(1));
        Api.as(Tokens.admin(UUID.randomUUID())).get("/api/v1/audit?subject=" + learner).then().statusCode(200)
                .body("items", empty());
        as(coach).get("/api/v1/audit?subject=me&resourceType=conversation").then().statusCode(200).body("items", empty());
    }

    @Test
    void anOverrideIsRecordedAboutTheProtectedLearnerWithTheLeadsReason() {
        UUID managed = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(coach), Set.of());
        String body = coaching(coach, managed).replace("\"plannedStart\"",
                "\"conflictOverride\":{\"reason\":\"Only AfL specialist in school\"},\"plannedStart\"");
        String id = propose(asLead(UUID.randomUUID()), body).then().statusCode(201).extract().path("id");

        as(managed).get("/api/v1/audit?subject=me&action=override-conflict-of-interest").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceId", equalTo(id))
                .body("items[0].reason", equalTo("Only AfL specialist in school"));
    }
}
