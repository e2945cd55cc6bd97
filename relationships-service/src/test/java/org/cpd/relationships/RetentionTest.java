package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.privacy.Retention;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.privacy.RetentionReports;
import org.junit.jupiter.api.Test;

/** Confidential notes are cleared a year after their relationship ended; the conversation stays; admins see a dry run. */
@QuarkusTest
class RetentionTest extends CoachAndLearnerTest {

    static final String NOTE = "Kept for the reflection, not for the career";
    static final String NOTES = "confidential-notes";

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

        RetentionReports.assertDue(admin, Tokens.admin(UUID.randomUUID()), NOTES, "relationships-service", "PT8760H",
                greaterThanOrEqualTo(1));

        long cleared = retention.sweep("confidential-notes", Instant.now());

        assertThat(cleared).isGreaterThanOrEqualTo(1);
        assertThat(notes(endedLongAgo)).isNull();
        assertThat(notes(endedRecently)).isEqualTo(NOTE);
        as(learner).get("/api/v1/conversations?relationshipId=" + endedLongAgo).then().statusCode(200)
                .body("items[0].sharedSummary", equalTo("What we tried")).body("items[0].hasConfidentialNotes", equalTo(false));
        RetentionReports.assertNoneDue(admin, NOTES);
        assertThat(count(RetentionReports.sweepAuditQuery(NOTES, "conversation", Directory.PARTNERSHIP)))
                .isGreaterThanOrEqualTo(1);
        assertThat(retention.sweep("confidential-notes", Instant.now())).as("a second sweep has nothing left to clear").isZero();
    }

    @Test
    void onlyPartnershipAdminsReadTheReport() {
        RetentionReports.assertOnlyAdminsRead(Tokens.practitioner(learner, Api.URN), Tokens.schoolLead(UUID.randomUUID(), Api.URN));
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
