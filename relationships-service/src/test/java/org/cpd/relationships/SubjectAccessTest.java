package org.cpd.relationships;

import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** GET /api/v1/privacy/subjects/{id}/export: relationships-service's part of a subject access export. */
@QuarkusTest
class SubjectAccessTest extends CoachAndLearnerTest {

    @Test
    void thePersonGetsTheirRelationshipsAgreementsAndConversationsWithTheirConfidentialNotes() {
        String relationship = activeCoaching(coach, learner);
        String conversation = conversationWithNotes(relationship);

        as(learner).get("/api/v1/privacy/subjects/me/export").then().statusCode(200)
                .body("service", equalTo("relationships-service"))
                .body("practitionerId", equalTo(learner.toString()))
                .body("knownAs.partnershipIds", contains(Directory.PARTNERSHIP.toString()))
                .body("relationships.id", contains(relationship))
                .body("agreements.relationshipId", contains(relationship))
                .body("conversations.id", contains(conversation))
                .body("conversations[0].confidentialNotes", equalTo("between us"))
                .body("confidentialNotesIncluded", equalTo(true));

        as(learner).get("/api/v1/audit?subject=me&action=export").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].reason", equalTo("subject access request"))
                .body("items[0].partnershipIds", contains(Directory.PARTNERSHIP.toString()));
    }

    @Test
    void anAdminOfThePersonsPartnershipGetsTheDataButNeverTheConfidentialNotes() {
        String relationship = activeCoaching(coach, learner);
        conversationWithNotes(relationship);

        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/privacy/subjects/" + learner + "/export").then()
                .statusCode(200)
                .body("relationships.id", contains(relationship))
                .body("conversations", hasSize(1))
                .body("conversations[0].confidentialNotes", nullValue())
                .body("conversations[0].hasConfidentialNotes", equalTo(true))
                .body("confidentialNotesIncluded", equalTo(false));

        as(learner).get("/api/v1/audit?subject=me&action=export").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].details", equalTo("subject access by a partnership admin"));
    }

    @Test
    void theCoachsOwnExportHasTheRelationshipButNotTheLearnersAuditEntry() {
        String relationship = activeCoaching(coach, learner);
        conversationWithNotes(relationship);
        as(coach).get("/api/v1/privacy/subjects/" + coach + "/export").then().statusCode(200)
                .body("relationships.id", contains(relationship))
                .body("conversations[0].confidentialNotes", equalTo("between us"));
        as(learner).get("/api/v1/audit?subject=me&action=export").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void everyoneElseGetsNotFound() {
        activeCoaching(coach, learner);
        String path = "/api/v1/privacy/subjects/" + learner + "/export";
        as(coach).get(path).then().statusCode(404);
        asLead(UUID.randomUUID()).get(path).then().statusCode(404);
        Api.as(Tokens.admin(Directory.OTHER_PARTNERSHIP)).get(path).then().statusCode(404);
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "/export")
                .then().statusCode(404);
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/privacy/subjects/nobody/export").then().statusCode(400)
                .body("errors[0].field", equalTo("practitionerId"));
    }
}
