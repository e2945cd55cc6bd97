package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.URN;
import static org.cpd.relationships.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.EventSchemas;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every change publishes: planning a conversation, setting and completing action points and changing
 * a partnership's setting each publish one event that matches its schema; a change to the same value
 * publishes nothing, and nothing personal or free-text is in the data.
 */
@QuarkusTest
class RelationshipEventsTest {

    static final String TOPIC = RelationshipEvents.TOPIC;
    static final String PRIVATE_WORDING = "Ask the head about the capability process";

    @Inject
    Directory directory;

    UUID coach;
    UUID learner;
    String relationship;

    @BeforeEach
    void activeCoaching() {
        coach = directory.practitioner(URN);
        learner = directory.practitioner(URN);
        directory.capacity(coach, SupportForm.SPECIALIST_COACHING, 5);
        relationship = Api.activeCoaching(coach, learner);
    }

    @Test
    void planningAConversationPublishesWhenAndWithWhomOnly() {
        String future = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String conversation = as(coach).body("""
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":40,"setting":"OWN_WORKPLACE"}"""
                .formatted(relationship, future)).post("/api/v1/conversations")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> planned = one(RelationshipEvents.CONVERSATION_PLANNED);
        EventSchemas.assertValid(planned);
        assertThat(planned.value()).contains(conversation, future, coach.toString(), learner.toString());
        assertThat(planned.value()).doesNotContain("OWN_WORKPLACE");
    }

    @Test
    void actionPointsPublishWhenSetAndWhenCompletedWithoutTheirWording() {
        String due = LocalDate.now().plusDays(7).toString();
        String action = as(learner).body("""
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                 "activities":["GOAL_SETTING"],"agendaOwner":"LEARNER_LED",
                 "actionPoints":[{"description":"%s","ownerId":"%s","dueOn":"%s"}]}"""
                .formatted(relationship, Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS),
                        PRIVATE_WORDING, learner, due))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("actionPoints[0].id");

        ConsumerRecord<String, String> set = one(RelationshipEvents.ACTION_POINT_SET);
        EventSchemas.assertValid(set);
        assertThat(set.value()).contains(action, learner.toString(), due, "\"completedAt\":null");

        as(coach).post("/api/v1/relationships/actions/" + action + "/complete").then().statusCode(200);
        ConsumerRecord<String, String> completed = one(RelationshipEvents.ACTION_POINT_COMPLETED);
        EventSchemas.assertValid(completed);
        assertThat(completed.value()).contains(action).doesNotContain("\"completedAt\":null");

        as(coach).post("/api/v1/relationships/actions/" + action + "/complete").then().statusCode(409);
        List<ConsumerRecord<String, String>> all = CloudEventsOnKafka.await(TOPIC, r -> relationship.equals(r.key()), 1);
        assertThat(all).noneMatch(r -> r.value().contains(PRIVATE_WORDING));
        assertThat(all).filteredOn(r -> RelationshipEvents.ACTION_POINT_COMPLETED.equals(CloudEventsOnKafka.header(r, "ce_type")))
                .hasSize(1);
    }

    @Test
    void aPartnershipSettingChangePublishesOnceAndTheSameValueNothing() {
        UUID partnership = UUID.randomUUID();
        String path = "/api/v1/relationships/partnership-settings/" + partnership;
        as(Tokens.admin(partnership)).body("{\"allowsCrossPartnership\":true}").put(path).then().statusCode(200);
        as(Tokens.admin(partnership)).body("{\"allowsCrossPartnership\":true}").put(path).then().statusCode(200);
        as(Tokens.admin(partnership)).body("{\"allowsCrossPartnership\":false}").put(path).then().statusCode(200);

        List<ConsumerRecord<String, String>> changes = CloudEventsOnKafka.await(TOPIC, r -> partnership.toString().equals(r.key())
                && RelationshipEvents.PARTNERSHIP_SETTING_CHANGED.equals(CloudEventsOnKafka.header(r, "ce_type")), 2);
        changes.forEach(EventSchemas::assertValid);
        assertThat(changes).extracting(ConsumerRecord::value)
                .containsExactly("{\"partnershipId\":\"" + partnership + "\",\"allowsCrossPartnership\":true}",
                        "{\"partnershipId\":\"" + partnership + "\",\"allowsCrossPartnership\":false}");
    }

    private ConsumerRecord<String, String> one(String type) {
        List<ConsumerRecord<String, String>> found = CloudEventsOnKafka.await(TOPIC,
                r -> relationship.equals(r.key()) && type.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
