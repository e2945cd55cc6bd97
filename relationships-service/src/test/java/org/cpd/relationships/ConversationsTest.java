package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.ConversationService;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Learning conversations, confidentiality of their notes, action points, views and referrals. */
@QuarkusTest
class ConversationsTest extends CoachAndLearnerTest {

    static final String SECRET = "Struggling with the new head of department - keep this between us";
    static final String TOPIC = "cpd.relationships.events";

    @Inject
    ConversationService conversations;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    org.cpd.commons.audit.ReadAudit readAudit;

    String relationship;

    @BeforeEach
    void activeCoaching() {
        relationship = Api.activeCoaching(coach, learner);
    }

    String conversation(String startsAt, String agenda, String extra) {
        return """
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                 "activities":["OBSERVATION_DISCUSSION","DEBRIEF_REFLECTION"],"agendaOwner":"%s",
                 "sharedSummary":"Questioning in Year 8","confidentialNotes":"%s"%s}"""
                .formatted(relationship, startsAt, agenda, SECRET, extra);
    }

    static String past(int daysAgo) {
        return Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void confidentialNotesAreForParticipantsOnly() {
        String id = as(learner).body(conversation(past(1), "SHARED", "")).post("/api/v1/conversations")
                .then().statusCode(201).body("confidentialNotes", equalTo(SECRET)).extract().path("id");

        as(coach).get("/api/v1/conversations/" + id).then().statusCode(200).body("confidentialNotes", equalTo(SECRET));
        asLead(UUID.randomUUID()).get("/api/v1/conversations/" + id).then().statusCode(200)
                .body("confidentialNotes", nullValue()).body("sharedSummary", equalTo("Questioning in Year 8"))
                .body("hasConfidentialNotes", equalTo(true));
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/conversations/" + id).then().statusCode(200)
                .body("confidentialNotes", nullValue());
        Api.as(Tokens.practitioner(UUID.randomUUID(), URN)).get("/api/v1/conversations/" + id).then().statusCode(404);
        readAudit.flush(); // reads are audited off the request's path
        Number audited = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select count(*) from audit_entry where action = 'read' and resource_type = 'conversation' and resource_id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(audited.intValue()).isEqualTo(3); // coach, school lead, admin

        // never in lists, timelines or other views, even for participants
        assertThat(as(learner).queryParam("relationshipId", relationship).get("/api/v1/conversations")
                .then().statusCode(200).extract().asString()).doesNotContain(SECRET).contains(id);
        assertThat(as(learner).queryParam("participant", "me").get("/api/v1/conversations").asString()).doesNotContain(SECRET);
        assertThat(as(learner).get("/api/v1/relationships/" + relationship + "/timeline").asString()).doesNotContain(SECRET);
        assertThat(asLead(UUID.randomUUID()).queryParam("relationshipId", relationship).get("/api/v1/conversations").asString())
                .doesNotContain(SECRET);
    }

    @Test
    void confidentialNotesNeverAppearInEvents() {
        String id = as(learner).body(conversation(past(2), "SHARED", "")).post("/api/v1/conversations")
                .then().statusCode(201).extract().path("id");
        List<ConsumerRecord<String, String>> recorded = CloudEventsOnKafka.await(TOPIC,
                r -> relationship.equals(r.key())
                        && "cpd.relationships.conversation-recorded.v1".equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        assertThat(recorded.get(0).value()).contains(id).contains("\"durationMinutes\":45")
                .contains("\"supporterId\":\"" + coach + "\"");
        // every event about this relationship, from the real broker
        List<ConsumerRecord<String, String>> all = CloudEventsOnKafka.await(TOPIC, r -> relationship.equals(r.key()), 1);
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(r -> {
            assertThat(r.value()).doesNotContain(SECRET).doesNotContain("confidential").doesNotContain("Questioning in Year 8");
        });
    }

    @Test
    void activitiesComeFromTheFormsCatalogue() {
        as(learner).queryParam("form", "CO_COACHING").get("/api/v1/activity-catalogue").then().statusCode(200)
                .body("code", hasItem("RECIPROCAL_ACTION_PLANNING")).body("code", not(hasItem("BROKERING_SUPPORT")));
        as(learner).body(conversation(past(1), "SHARED", "").replace("DEBRIEF_REFLECTION", "BROKERING_SUPPORT"))
                .post("/api/v1/conversations").then().statusCode(400).body("errors.field", hasItem("activities"));
        as(learner).body(conversation(past(1), "SHARED", "").replace("QUIET_SPACE", "PUB")).post("/api/v1/conversations")
                .then().statusCode(400);
    }

    @Test
    void conversationsBelongToAnActiveRelationshipAndItsParticipants() {
        UUID other = directory.practitioner(URN);
        String proposed = propose(as(other), coaching(coach, other)).then().statusCode(201).extract().path("id");
        as(other).body(conversation(past(1), "SHARED", "").replace(relationship, proposed)).post("/api/v1/conversations")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:relationship-not-active"));
        asLead(UUID.randomUUID()).body(conversation(past(1), "SHARED", "")).post("/api/v1/conversations").then().statusCode(403);
    }

    @Test
    void actionPointsHaveOwnersDueDatesAndCanBeCompleted() {
        String due = LocalDate.now().minusDays(1).toString();
        String body = conversation(past(3), "LEARNER_LED", """
                ,"actionPoints":[{"description":"Try no-hands-up questioning","ownerId":"%s","dueOn":"%s"}]""".formatted(learner, due));
        String action = as(learner).body(body).post("/api/v1/conversations").then().statusCode(201)
                .body("actionPoints[0].open", equalTo(true)).extract().path("actionPoints[0].id");
        as(learner).queryParam("owner", "me").queryParam("open", "true").get("/api/v1/relationships/actions")
                .then().statusCode(200).body("items.id", hasItem(action));

        assertThat(conversations.announceDueActions(Instant.now())).isGreaterThanOrEqualTo(1);
        CloudEventsOnKafka.await(TOPIC, r -> relationship.equals(r.key())
                && "cpd.relationships.action-due.v1".equals(CloudEventsOnKafka.header(r, "ce_type")), 1);

        as(coach).post("/api/v1/relationships/actions/" + action + "/complete").then().statusCode(200)
                .body("completedAt", notNullValue());
        as(learner).queryParam("owner", "me").queryParam("open", "true").get("/api/v1/relationships/actions")
                .then().statusCode(200).body("items.id", not(hasItem(action)));
        as(coach).post("/api/v1/relationships/actions/" + action + "/complete").then().statusCode(409);
        as(learner).body(conversation(past(1), "SHARED", """
                ,"actionPoints":[{"description":"x","ownerId":"%s"}]""".formatted(UUID.randomUUID())))
                .post("/api/v1/conversations").then().statusCode(400);
    }

    @Test
    void upcomingConversationsArePlannedAndRecordedLater() {
        String future = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = as(coach).body("""
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":40,"setting":"OWN_WORKPLACE"}"""
                .formatted(relationship, future)).post("/api/v1/conversations")
                .then().statusCode(201).body("status", equalTo("PLANNED")).extract().path("id");
        as(learner).queryParam("participant", "me").queryParam("upcoming", "true").get("/api/v1/conversations")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        as(learner).body("""
                {"durationMinutes":50,"setting":"OWN_WORKPLACE","agendaOwner":"LEARNER_LED","activities":["GOAL_SETTING"]}""")
                .post("/api/v1/conversations/" + id + "/record").then().statusCode(200).body("status", equalTo("HELD"));
        as(learner).queryParam("participant", "me").queryParam("upcoming", "true").get("/api/v1/conversations")
                .then().statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void protectedTimeComparesTheBudgetWithHeldConversations() {
        as(learner).body(conversation(past(1), "SHARED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).body(conversation(past(0), "SHARED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).get("/api/v1/relationships/" + relationship + "/protected-time").then().statusCode(200)
                .body("usedMinutes", equalTo(90))
                .body("halfTermsElapsed", equalTo(1))
                .body("budgetMinutesToDate", equalTo(240)); // specialist coaching template: 4 h per half-term
    }

    @Test
    void selfDirectionTrendShowsTheLearnerTakingControl() {
        as(learner).body(conversation(past(30), "SUPPORTER_LED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).body(conversation(past(20), "SUPPORTER_LED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).body(conversation(past(10), "SHARED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).body(conversation(past(1), "LEARNER_LED", "")).post("/api/v1/conversations").then().statusCode(201);
        as(learner).get("/api/v1/relationships/" + relationship + "/self-direction").then().statusCode(200)
                .body("direction", equalTo("RISING")).body("earlierLearnerShare", equalTo(0.0f))
                .body("laterLearnerShare", equalTo(0.75f)).body("points.setBy",
                        equalTo(List.of("SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED")));
    }

    @Test
    void coCoachingRecordsWhoCoachedAndShowsWhetherRolesAlternate() {
        UUID peer = directory.practitioner(URN);
        String id = propose(as(learner), coCoaching(learner, peer, "2026-09-14", "2027-02-12")).then().statusCode(201)
                .extract().path("id");
        Api.activate(id, peer, learner, peer);
        String base = """
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":30,"setting":"OBSERVATION_IN_ANOTHER_CLASSROOM",
                 "activities":["SHARED_ANALYSIS"],"agendaOwner":"SHARED"%s}""";
        as(peer).body(base.formatted(id, past(3), "")).post("/api/v1/conversations").then().statusCode(400)
                .body("errors.field", hasItem("coachId"));
        as(peer).body(base.formatted(id, past(3), ",\"coachId\":\"" + learner + "\"")).post("/api/v1/conversations").then().statusCode(201);
        as(peer).body(base.formatted(id, past(2), ",\"coachId\":\"" + peer + "\"")).post("/api/v1/conversations").then().statusCode(201);
        as(peer).body(base.formatted(id, past(1), ",\"coachId\":\"" + learner + "\"")).post("/api/v1/conversations").then().statusCode(201);
        as(peer).get("/api/v1/relationships/" + id + "/reciprocity").then().statusCode(200)
                .body("conversations", equalTo(3))
                .body("coachCount." + learner, equalTo(2))
                .body("coachCount." + peer, equalTo(1))
                .body("alternationRate", equalTo(1.0f))
                .body("balanced", equalTo(true));
    }

    @Test
    void aReferralForMentoringIsASeparateProposalAndLeavesTheCoachingAlone() {
        UUID mentor = directory.supporter(SupportForm.MENTORING, 2);
        var before = as(coach).get("/api/v1/relationships/" + relationship).then().extract().jsonPath();
        var referral = as(coach).body("""
                {"fromRelationshipId":"%s","mentorId":"%s","purpose":"CHALLENGE","reason":"Needs support beyond one aspect"}"""
                .formatted(relationship, mentor)).post("/api/v1/referrals").then().statusCode(201)
                .body("proposal.form", equalTo("MENTORING")).body("proposal.status", equalTo("PROPOSED"))
                .body("proposal.referredFrom", equalTo(relationship)).extract().jsonPath();
        assertThat(referral.getList("proposal.participants.practitionerId")).contains(mentor.toString(), learner.toString());
        as(coach).get("/api/v1/relationships/" + relationship).then().statusCode(200)
                .body("form", equalTo("SPECIALIST_COACHING")).body("status", equalTo("ACTIVE"))
                .body("version", equalTo(before.getInt("version")));
        asLead(UUID.randomUUID()).body("""
                {"fromRelationshipId":"%s","mentorId":"%s","purpose":"CHALLENGE","reason":"x"}"""
                .formatted(relationship, mentor)).post("/api/v1/referrals").then().statusCode(403);
    }

    @Test
    void lifecycleEventsCarryFormParticipantsWithRolesAndStatus() {
        var events = CloudEventsOnKafka.await(TOPIC, r -> relationship.equals(r.key())
                && "cpd.relationships.relationship-activated.v1".equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        String data = events.get(0).value();
        assertThat(data).contains("\"relationshipId\":\"" + relationship + "\"")
                .contains("\"form\":\"SPECIALIST_COACHING\"").contains("\"status\":\"ACTIVE\"")
                .contains("{\"practitionerId\":\"" + coach + "\",\"role\":\"SUPPORTER\"")
                .contains("{\"practitionerId\":\"" + learner + "\",\"role\":\"LEARNER\"");
        assertThat(CloudEventsOnKafka.header(events.get(0), "ce_source")).isEqualTo("/cpd/relationships-service");
        assertThat(CloudEventsOnKafka.header(events.get(0), "ce_subject")).isEqualTo(relationship);
        for (String type : List.of("relationship-proposed", "relationship-accepted", "relationship-agreement-signed")) {
            CloudEventsOnKafka.await(TOPIC, r -> relationship.equals(r.key())
                    && ("cpd.relationships." + type + ".v1").equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        }
    }
}
