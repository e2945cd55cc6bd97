package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.URN;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.relationship;
import static org.cpd.goals.Fixtures.scalar;
import static org.cpd.goals.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccessRulesTest {

    final UUID learner = UUID.randomUUID();
    final UUID mentor = UUID.randomUUID();
    final UUID rel = UUID.randomUUID();

    Map<String, Object> sharedWith(UUID relationship, String title) {
        return with(with(goal(title), "visibility", "RELATIONSHIP"), "relationshipIds", List.of(relationship.toString()));
    }

    @Test
    void supporterSeesASharedGoalOnlyWhileTheRelationshipIsActive() {
        relationship(rel, "ACTIVE", mentor, learner);
        String id = createGoal(learner, sharedWith(rel, "Shared with my mentor"));
        String hidden = createGoal(learner, with(goal("Private"), "relationshipIds", List.of(rel.toString())));

        asPractitioner(mentor).get("/api/v1/goals/" + id).then().statusCode(200).body("title", equalTo("Shared with my mentor"));
        asPractitioner(mentor).get("/api/v1/goals/" + hidden).then().statusCode(404);
        asPractitioner(mentor).queryParam("owner", learner.toString()).get("/api/v1/goals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(id));
        asPractitioner(mentor).header("If-Match", "*").body(goal("Mentor rewrites")).put("/api/v1/goals/" + id)
                .then().statusCode(403);

        relationship(rel, "CLOSED", mentor, learner); // produced to the real broker, consumed by the service

        asPractitioner(mentor).get("/api/v1/goals/" + id).then().statusCode(404);
        asPractitioner(mentor).queryParam("owner", learner.toString()).get("/api/v1/goals")
                .then().statusCode(200).body("items", hasSize(0));
        asPractitioner(learner).get("/api/v1/goals/" + id).then().statusCode(200);
    }

    @Test
    void aPractitionerOutsideTheRelationshipSeesNothing() {
        relationship(rel, "ACTIVE", mentor, learner);
        String id = createGoal(learner, sharedWith(rel, "Shared"));
        asPractitioner(UUID.randomUUID()).get("/api/v1/goals/" + id).then().statusCode(404);
    }

    @Test
    void schoolLeadSeesOnlyWhatIsSharedWithTheirSchool() {
        String forSchool = createGoal(learner, with(with(goal("For the school"), "visibility", "SCHOOL"), "schoolUrn", URN));
        String priv = createGoal(learner, goal("Private"));
        String lead = Tokens.schoolLead(UUID.randomUUID(), URN);
        as(lead).get("/api/v1/goals/" + forSchool).then().statusCode(200);
        as(lead).get("/api/v1/goals/" + priv).then().statusCode(404);
        as(lead).queryParam("owner", learner.toString()).get("/api/v1/goals").then().body("items", hasSize(1));
        as(Tokens.schoolLead(UUID.randomUUID(), "100002")).get("/api/v1/goals/" + forSchool).then().statusCode(404);
        // a colleague in the same school without the lead role
        asPractitioner(UUID.randomUUID()).get("/api/v1/goals/" + forSchool).then().statusCode(404);
    }

    @Test
    void refusesSharingWithASchoolTheOwnerDoesNotWorkIn() {
        asPractitioner(learner).body(with(with(goal("Elsewhere"), "visibility", "SCHOOL"), "schoolUrn", "999999"))
                .post("/api/v1/goals").then().statusCode(422).body("type", equalTo("urn:cpd:problem:not-your-school"));
    }

    @Test
    void refusesLinkingAnUnknownRelationshipOrOneTheOwnerIsNotIn() {
        asPractitioner(learner).body(sharedWith(UUID.randomUUID(), "Unknown")).post("/api/v1/goals")
                .then().statusCode(422).body("type", equalTo("urn:cpd:problem:unknown-relationship"));
        UUID others = UUID.randomUUID();
        relationship(others, "ACTIVE", mentor, UUID.randomUUID());
        asPractitioner(learner).body(sharedWith(others, "Not mine")).post("/api/v1/goals")
                .then().statusCode(422).body("type", equalTo("urn:cpd:problem:unknown-relationship"));
        assertThat(count("select count(*) from goal where owner_id = '" + learner + "'")).isZero();
    }

    @Test
    void refusesLinkingAClosedRelationship() {
        relationship(rel, "CLOSED", mentor, learner);
        asPractitioner(learner).body(sharedWith(rel, "Too late")).post("/api/v1/goals")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:relationship-ended"));
    }

    @Test
    void ignoresARedeliveredRelationshipEvent() {
        relationship(rel, "CLOSED", mentor, learner);
        String eventId = UUID.randomUUID().toString();
        String activeAgain = """
                {"relationshipId":"%s","form":"MENTORING","status":"ACTIVE",
                 "participants":[{"practitionerId":"%s","role":"SUPPORTER"},{"practitionerId":"%s","role":"LEARNER"}]}"""
                .formatted(rel, mentor, learner);
        CloudEventsOnKafka.send(Fixtures.RELATIONSHIPS_TOPIC, eventId, "cpd.relationships.relationship-resumed.v1",
                "/cpd/relationships-service", rel.toString(), activeAgain);
        Fixtures.await(() -> count("select count(*) from inbox_event where event_id = '" + eventId + "'") == 1, "first delivery");
        assertThat(scalar("select status from relationship_view where id = '" + rel + "'")).isEqualTo("ACTIVE");
        relationship(rel, "CLOSED", mentor, learner);
        CloudEventsOnKafka.send(Fixtures.RELATIONSHIPS_TOPIC, eventId, "cpd.relationships.relationship-resumed.v1",
                "/cpd/relationships-service", rel.toString(), activeAgain);
        // a later event on the same key (same partition) proves the redelivery was consumed, and skipped;
        // it is about another relationship, so it cannot set this one's status itself
        String marker = CloudEventsOnKafka.send(Fixtures.RELATIONSHIPS_TOPIC, "cpd.relationships.relationship-proposed.v1",
                "/cpd/relationships-service", rel.toString(), """
                        {"relationshipId":"%s","form":"MENTORING","status":"PROPOSED","participants":[]}"""
                        .formatted(UUID.randomUUID()));
        Fixtures.await(() -> count("select count(*) from inbox_event where event_id = '" + marker + "'") == 1, "marker");
        assertThat(scalar("select status from relationship_view where id = '" + rel + "'")).isEqualTo("CLOSED");
    }

    @Test
    void skipsAnUnreadableRelationshipEventAndKeepsConsuming() {
        String unreadable = CloudEventsOnKafka.send(Fixtures.RELATIONSHIPS_TOPIC, "cpd.relationships.relationship-activated.v1",
                "/cpd/relationships-service", rel.toString(), "{\"relationshipId\": not json");
        relationship(rel, "ACTIVE", mentor, learner); // same key, so consumed after the unreadable record
        assertThat(count("select count(*) from inbox_event where event_id = '" + unreadable + "'")).isZero();
        String id = createGoal(learner, sharedWith(rel, "Shared after a bad record"));
        asPractitioner(mentor).get("/api/v1/goals/" + id).then().statusCode(200);
    }
}
