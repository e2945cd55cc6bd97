package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.scalar;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerMergedData;
import org.cpd.contracts.goals.GoalsEvents;
import org.cpd.goals.events.DirectoryEventsConsumer;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * cpd.directory.practitioner-merged.v1 applied by goals-service: the retired record's goals and evidence become the
 * survivor's, so the person signing in with the survivor's login keeps their history (ADR 0017).
 */
@QuarkusTest
class MergeTest {

    static final UUID PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000001");

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryEventsConsumer consumer;

    final UUID retired = UUID.randomUUID();
    final UUID survivor = UUID.randomUUID();

    PractitionerMergedData merged() {
        return new PractitionerMergedData(retired, survivor, Set.of(PARTNERSHIP), Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void theSurvivorOwnsTheRetiredRecordsGoalsAndEvidenceAndEachMovedGoalIsPublished() {
        String goal = Fixtures.activeGoal(retired, Fixtures.goal("Questioning"));
        String evidence = asPractitioner(retired).body(EvidenceApiTest.evidence("Lesson plan", "type", "LESSON_PLAN"))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        asPractitioner(survivor).get("/api/v1/goals/" + goal).then().statusCode(404);

        CloudEventsOnKafka.send(DirectoryEvents.TOPIC, retired.toString(), DirectoryEvents.PRACTITIONER_MERGED,
                DirectoryEvents.SOURCE, retired.toString(), write(merged()));

        Fixtures.await(() -> asPractitioner(survivor).get("/api/v1/goals/" + goal).statusCode() == 200,
                "the merge to be applied");
        asPractitioner(survivor).get("/api/v1/goals/" + goal).then().statusCode(200)
                .body("ownerId", equalTo(survivor.toString()));
        asPractitioner(survivor).get("/api/v1/evidence/" + evidence).then().statusCode(200);
        asPractitioner(survivor).get("/api/v1/goals").then().statusCode(200).body("items.id", hasItem(goal));
        asPractitioner(retired).get("/api/v1/goals/" + goal).then().statusCode(404);
        assertThat(Fixtures.eventsFor(GoalsEvents.GOAL_UPDATED, goal, 1)).anySatisfy(e -> {
            assertThat(e).contains("\"changedFields\":[\"ownerId\"]").contains("\"ownerId\":\"" + survivor + "\"");
            EventSchemas.assertValid(GoalsEvents.GOAL_UPDATED, e);
        });
        assertThat(count("select count(*) from audit_entry where action = 'merge' and resource_id = '" + retired + "'"))
                .isOne();
    }

    @Test
    void aRepeatedMergeChangesNothing() {
        Fixtures.activeGoal(retired, Fixtures.goal("Questioning"));
        String eventId = UUID.randomUUID().toString();
        consumer.on(record(eventId, merged()));
        String versions = scalar("select string_agg(version::text, ',') from goal where owner_id = '" + survivor + "'");

        consumer.on(record(eventId, merged())); // redelivered
        consumer.on(record(UUID.randomUUID().toString(), merged())); // published again upstream

        assertThat(scalar("select string_agg(version::text, ',') from goal where owner_id = '" + survivor + "'"))
                .isEqualTo(versions);
        assertThat(count("select count(*) from goal where owner_id = '" + retired + "'")).isZero();
        assertThat(count("select count(*) from audit_entry where action = 'merge' and resource_id = '" + retired + "'"))
                .isOne();
    }

    @Test
    void aMergeOfSomeoneWithNothingHereWritesNothing() {
        consumer.on(record(UUID.randomUUID().toString(), merged()));

        assertThat(count("select count(*) from audit_entry where action = 'merge' and resource_id = '" + retired + "'"))
                .isZero();
        assertThat(count("select count(*) from goal where owner_id in ('" + retired + "', '" + survivor + "')")).isZero();
    }

    private String write(PractitionerMergedData data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> record(String eventId, PractitionerMergedData data) {
        return Fixtures.directoryRecord(eventId, DirectoryEvents.PRACTITIONER_MERGED, data.retiredId().toString(),
                write(data));
    }
}
