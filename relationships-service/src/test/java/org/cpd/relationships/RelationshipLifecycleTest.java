package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.ProposalExpiry;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Every lifecycle transition over HTTP, by the parties allowed to make it. */
@QuarkusTest
class RelationshipLifecycleTest extends CoachAndLearnerTest {

    @Inject
    ProposalExpiry expiry;

    @Test
    void coachingGoesThroughEveryTransitionWithTimestampsAndReasons() {
        var proposed = propose(as(learner), coaching(coach, learner)).then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", notNullValue())
                .body("status", equalTo("PROPOSED"))
                .body("expiresAt", notNullValue()).extract().jsonPath();
        String id = proposed.getString("id");

        as(coach).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("AGREEMENT_PENDING"));
        as(coach).post("/api/v1/relationships/" + id + "/activate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:agreement-not-signed"));
        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/1/signatures").then().statusCode(200)
                .body("signedByAll", equalTo(false)).body("awaitingSignatureFrom", equalTo(List.of(learner.toString())));
        as(learner).post("/api/v1/relationships/" + id + "/agreement/versions/1/signatures").then().statusCode(200)
                .body("signedByAll", equalTo(true));
        as(learner).post("/api/v1/relationships/" + id + "/activate").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("activatedAt", notNullValue());
        as(coach).body("{\"reason\":\"coach on a residential\"}").post("/api/v1/relationships/" + id + "/pause")
                .then().statusCode(200).body("status", equalTo("PAUSED"));
        as(learner).post("/api/v1/relationships/" + id + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        as(learner).body("{\"outcome\":\"ENDED_EARLY\",\"reason\":\"moved school\"}").post("/api/v1/relationships/" + id + "/close")
                .then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("ENDED_EARLY"))
                .body("endReason", equalTo("moved school")).body("endedAt", notNullValue());

        as(learner).post("/api/v1/relationships/" + id + "/resume").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:invalid-transition"))
                .body("status", equalTo(409));

        JsonPath timeline = as(learner).get("/api/v1/relationships/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertThat(timeline.getList("findAll { it.kind == 'TRANSITION' }.action"))
                .containsExactly("ACCEPT", "ACTIVATE", "PAUSE", "RESUME", "CLOSE");
        assertThat(timeline.getList("findAll { it.kind == 'AGREEMENT_SIGNATURE' }")).hasSize(2);
        assertThat(timeline.getString("find { it.action == 'CLOSE' }.reason")).isEqualTo("moved school");
        assertThat(timeline.getString("find { it.action == 'CLOSE' }.at")).isNotBlank();
    }

    @Test
    void completedAsPlannedIsKeptApartFromEndedEarly() {
        String id = activeCoaching(coach, learner);
        as(coach).body("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"goals met\"}")
                .post("/api/v1/relationships/" + id + "/close").then().statusCode(200)
                .body("outcome", equalTo("COMPLETED_AS_PLANNED"));
        UUID secondCoach = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        String other = activeCoaching(secondCoach, learner);
        as(learner).body("{\"outcome\":\"ENDED_EARLY\"}").post("/api/v1/relationships/" + other + "/close")
                .then().statusCode(400).body("type", equalTo("urn:cpd:problem:validation-failed"));
        as(learner).body("{\"outcome\":\"GAVE_UP\",\"reason\":\"x\"}").post("/api/v1/relationships/" + other + "/close")
                .then().statusCode(400);
        as(learner).get("/api/v1/relationships/" + other).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void editingTheAgreementNeedsIfMatchMakesANewVersionAndClearsSignatures() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        as(coach).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200);
        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/1/signatures").then().statusCode(200);
        String etag = as(learner).get("/api/v1/relationships/" + id + "/agreement").then().statusCode(200)
                .body("terms.groundRules", notNullValue()) // drafted from the form's template
                .extract().header("ETag");
        String edit = """
                {"groundRules":"We meet fortnightly","confidentiality":"Notes stay between us",
                 "powerAndAccountability":"Coach never reports to my line manager","meetingRhythm":"fortnightly",
                 "meetingPlace":"Library","reviewDate":"2026-12-01","boundaries":"Mentoring needs go to a referral",
                 "protectedHoursPerHalfTerm":4,"coverNeeded":true}""";

        as(learner).body(edit).put("/api/v1/relationships/" + id + "/agreement").then().statusCode(428);
        as(learner).header("If-Match", "\"999\"").body(edit).put("/api/v1/relationships/" + id + "/agreement")
                .then().statusCode(412);
        as(learner).header("If-Match", etag).body(edit).put("/api/v1/relationships/" + id + "/agreement")
                .then().statusCode(200).body("version", equalTo(2)).body("signatures", equalTo(List.of()))
                .body("terms.meetingPlace", equalTo("Library"));

        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/1/signatures").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:agreement-version-superseded")).body("currentVersion", equalTo(2));
        as(coach).post("/api/v1/relationships/" + id + "/activate").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:agreement-not-signed"));
        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(learner).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(coach).post("/api/v1/relationships/" + id + "/activate").then().statusCode(200).body("status", equalTo("ACTIVE"));

        // v1 keeps its history
        as(coach).get("/api/v1/relationships/" + id + "/agreement/versions/1").then().statusCode(200)
                .body("signatures.practitionerId", hasItem(coach.toString()));
        // an active relationship's agreement is locked: pause to renegotiate
        String current = as(learner).get("/api/v1/relationships/" + id + "/agreement").then().extract().header("ETag");
        as(learner).header("If-Match", current).body(edit).put("/api/v1/relationships/" + id + "/agreement")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:agreement-locked"));
    }

    @Test
    void pausedRelationshipResumesOnlyAfterEveryoneSignedTheRenegotiatedVersion() {
        String id = activeCoaching(coach, learner);
        as(coach).post("/api/v1/relationships/" + id + "/pause").then().statusCode(200);
        String etag = as(learner).get("/api/v1/relationships/" + id + "/agreement").then().extract().header("ETag");
        as(learner).header("If-Match", etag).body("""
                {"groundRules":"Monthly now","confidentiality":"as before","powerAndAccountability":"as before"}""")
                .put("/api/v1/relationships/" + id + "/agreement").then().statusCode(200).body("version", equalTo(2));
        as(learner).post("/api/v1/relationships/" + id + "/resume").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:agreement-not-signed"));
        as(learner).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(learner).post("/api/v1/relationships/" + id + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void declineAndWithdrawNeedAReasonAndTheRightParty() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        as(coach).body("{}").post("/api/v1/relationships/" + id + "/decline").then().statusCode(400);
        as(coach).body("{\"reason\":\"no\"}").post("/api/v1/relationships/" + id + "/withdraw").then().statusCode(403);
        as(coach).body("{\"reason\":\"Full until January\"}").post("/api/v1/relationships/" + id + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED")).body("endReason", equalTo("Full until January"));

        UUID other = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        String second = propose(as(learner), coaching(other, learner)).then().statusCode(201).extract().path("id");
        as(learner).body("{\"reason\":\"Found a closer coach\"}").post("/api/v1/relationships/" + second + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void strangersSeeNothingAndSchoolLeadsCannotActForParticipants() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        UUID stranger = UUID.randomUUID();
        Api.as(Tokens.practitioner(stranger, "999999")).get("/api/v1/relationships/" + id).then().statusCode(404);
        Api.as(Tokens.practitioner(stranger, "999999")).post("/api/v1/relationships/" + id + "/accept").then().statusCode(404);
        asLead(UUID.randomUUID()).get("/api/v1/relationships/" + id).then().statusCode(200);
        asLead(UUID.randomUUID()).post("/api/v1/relationships/" + id + "/accept").then().statusCode(403);
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).get("/api/v1/relationships/" + id).then().statusCode(200);
        Api.as(Tokens.admin(UUID.randomUUID())).get("/api/v1/relationships/" + id).then().statusCode(404);
    }

    @Test
    void myRelationshipsFilterByStatus() {
        String active = activeCoaching(coach, learner);
        UUID other = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        String proposed = propose(as(learner), coaching(other, learner)).then().statusCode(201).extract().path("id");
        as(learner).queryParam("participant", "me").get("/api/v1/relationships").then().statusCode(200)
                .body("items.id", equalTo(List.of(active, proposed)));
        as(learner).queryParam("participant", "me").queryParam("status", "ACTIVE").get("/api/v1/relationships")
                .then().statusCode(200).body("items.id", equalTo(List.of(active)));
        as(learner).queryParam("participant", "me").queryParam("status", "NOPE").get("/api/v1/relationships")
                .then().statusCode(400);
        as(learner).queryParam("participant", coach.toString()).get("/api/v1/relationships").then().statusCode(403);
    }

    @Test
    void unansweredProposalGetsAReminderThenExpires() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        var now = TrackedEntity.now();
        expiry.sweep(now.plus(Duration.ofDays(12)));
        as(learner).get("/api/v1/relationships/" + id).then().body("status", equalTo("PROPOSED"));
        org.cpd.testsupport.CloudEventsOnKafka.await("cpd.relationships.events",
                r -> id.equals(r.key()) && "cpd.relationships.relationship-proposal-reminder.v1"
                        .equals(org.cpd.testsupport.CloudEventsOnKafka.header(r, "ce_type")), 1);

        expiry.sweep(now.plus(Duration.ofDays(15)));
        as(learner).get("/api/v1/relationships/" + id).then().body("status", equalTo("EXPIRED"));
        as(coach).post("/api/v1/relationships/" + id + "/accept").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:invalid-transition"));
        org.cpd.testsupport.CloudEventsOnKafka.await("cpd.relationships.events",
                r -> id.equals(r.key()) && "cpd.relationships.relationship-expired.v1"
                        .equals(org.cpd.testsupport.CloudEventsOnKafka.header(r, "ce_type")), 1);
    }
    @Test
    void everyChangeIsPublishedInOrderOnTheRealBroker() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        Api.activate(id, coach, coach, learner);
        as(coach).post("/api/v1/relationships/" + id + "/pause").then().statusCode(200);
        String etag = as(learner).get("/api/v1/relationships/" + id + "/agreement").then().extract().header("ETag");
        as(learner).header("If-Match", etag).body("""
                {"groundRules":"Monthly","confidentiality":"as before","powerAndAccountability":"as before"}""")
                .put("/api/v1/relationships/" + id + "/agreement").then().statusCode(200);
        as(learner).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(coach).post("/api/v1/relationships/" + id + "/agreement/versions/2/signatures").then().statusCode(200);
        as(learner).post("/api/v1/relationships/" + id + "/resume").then().statusCode(200);
        as(learner).body("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"goals met, private detail\"}")
                .post("/api/v1/relationships/" + id + "/close").then().statusCode(200);

        List<String> expected = List.of("relationship-proposed", "relationship-accepted", "relationship-agreement-signed",
                "relationship-agreement-signed", "relationship-activated", "relationship-paused",
                "relationship-agreement-versioned", "relationship-agreement-signed", "relationship-agreement-signed",
                "relationship-resumed", "relationship-closed");
        var events = org.cpd.testsupport.CloudEventsOnKafka.await("cpd.relationships.events", r -> id.equals(r.key()),
                expected.size());
        assertThat(events).extracting(r -> org.cpd.testsupport.CloudEventsOnKafka.header(r, "ce_type"))
                .containsExactlyElementsOf(expected.stream().map(t -> "cpd.relationships." + t + ".v1").toList());
        assertThat(events.get(events.size() - 1).value()).contains("\"status\":\"CLOSED\"")
                .contains("\"outcome\":\"COMPLETED_AS_PLANNED\"").doesNotContain("private detail");
    }

    @Test
    void declinedAndWithdrawnArePublished() {
        String declined = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        as(coach).body("{\"reason\":\"full\"}").post("/api/v1/relationships/" + declined + "/decline").then().statusCode(200);
        String withdrawn = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        as(learner).body("{\"reason\":\"later\"}").post("/api/v1/relationships/" + withdrawn + "/withdraw").then().statusCode(200);
        org.cpd.testsupport.CloudEventsOnKafka.await("cpd.relationships.events", r -> declined.equals(r.key())
                && "cpd.relationships.relationship-declined.v1".equals(org.cpd.testsupport.CloudEventsOnKafka.header(r, "ce_type")), 1);
        org.cpd.testsupport.CloudEventsOnKafka.await("cpd.relationships.events", r -> withdrawn.equals(r.key())
                && "cpd.relationships.relationship-withdrawn.v1".equals(org.cpd.testsupport.CloudEventsOnKafka.header(r, "ce_type")), 1);
    }
}
