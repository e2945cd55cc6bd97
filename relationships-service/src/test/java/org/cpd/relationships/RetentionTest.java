package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.privacy.Retention;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Confidential notes are cleared a year after their relationship ended; the conversation stays; admins see a dry run. */
@QuarkusTest
class RetentionTest extends CoachAndLearnerTest {

    static final String NOTE = "Kept for the reflection, not for the career";
    static final String REPORT = "/api/v1/privacy/retention";
    static final String NOTES = "kinds.find { it.kind == 'confidential-notes' }";

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    @Test
    void notesOfARelationshipThatEndedLongAgoAreClearedAndTheConversationKept() {
        String endedLongAgo = closedWithANote();
        String endedRecently = closedWithANote();
        sql("update relationship set ended_at = now() - interval '400 days' where id = cast(?1 as uuid)", endedLongAgo);
        String admin = Tokens.admin(Directory.PARTNERSHIP);

        as(admin).get(REPORT).then().statusCode(200)
                .body(NOTES + ".retention", equalTo("PT8760H")).body(NOTES + ".service", equalTo("relationships-service"))
                .body(NOTES + ".due", greaterThanOrEqualTo(1)).body(NOTES + ".oldest", notNullValue())
                .body(NOTES + ".enforced", equalTo(false));
        as(Tokens.admin(UUID.randomUUID())).get(REPORT).then().statusCode(200)
                .body(NOTES + ".due", equalTo(0)).body(NOTES + ".oldest", nullValue());

        long cleared = retention.sweep("confidential-notes", Instant.now());

        assertThat(cleared).isGreaterThanOrEqualTo(1);
        assertThat(notes(endedLongAgo)).isNull();
        assertThat(notes(endedRecently)).isEqualTo(NOTE);
        as(learner).get("/api/v1/conversations?relationshipId=" + endedLongAgo).then().statusCode(200)
                .body("items[0].sharedSummary", equalTo("What we tried")).body("items[0].hasConfidentialNotes", equalTo(false));
        as(admin).get(REPORT).then().statusCode(200).body(NOTES + ".due", equalTo(0));
        assertThat(count("select count(*) from audit_entry where action = 'delete' and resource_type = 'conversation' "
                + "and resource_id = 'retention:confidential-notes' and actor = 'system:retention' "
                + "and partnership_ids @> array[cast('" + Directory.PARTNERSHIP + "' as uuid)]")).isGreaterThanOrEqualTo(1);
        assertThat(retention.sweep("confidential-notes", Instant.now())).as("a second sweep has nothing left to clear").isZero();
    }

    @Test
    void onlyPartnershipAdminsReadTheReport() {
        as(learner).get(REPORT).then().statusCode(403)
                .contentType("application/problem+json");
        Api.asLead(UUID.randomUUID()).get(REPORT).then().statusCode(403);
        io.restassured.RestAssured.given().get(REPORT).then().statusCode(401);
    }

    /** An active coaching relationship with one conversation holding a confidential note, then closed. */
    private String closedWithANote() {
        String relationship = Api.activeCoaching(coach, learner);
        as(learner).body("""
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                 "activities":["DEBRIEF_REFLECTION"],"agendaOwner":"SHARED",
                 "sharedSummary":"What we tried","confidentialNotes":"%s"}"""
                .formatted(relationship, ConversationsTest.past(2), NOTE))
                .post("/api/v1/conversations").then().statusCode(201);
        as(coach).body("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"goals met\"}")
                .post("/api/v1/relationships/" + relationship + "/close").then().statusCode(200);
        return relationship;
    }

    private String notes(String relationship) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "select confidential_notes from conversation where relationship_id = cast(?1 as uuid)")
                .setParameter(1, relationship).getSingleResult());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private void sql(String statement, String id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).setParameter(1, id).executeUpdate());
    }
}
