package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.scalar;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.cpd.goals.events.DirectoryEventsConsumer;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.PostgresResource;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * cpd.directory.practitioner-erased.v1 applied by goals-service: private evidence deleted with its attachments' large
 * objects, goals kept for statistics without their free text, in one transaction with the inbox row.
 */
@QuarkusTest
class ErasureTest {

    static final UUID PARTNERSHIP = UUID.fromString("10000000-0000-4000-8000-000000000001");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryEventsConsumer consumer;

    final UUID learner = UUID.randomUUID();

    String evidenceWithAttachment() {
        String evidence = asPractitioner(learner).body(EvidenceApiTest.evidence("Pupil work photo", "type", "PUPIL_WORK"))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN))
                .multiPart("file", "work.png", PNG, "image/png")
                .post("/api/v1/evidence/" + evidence + "/attachments").then().statusCode(201);
        return evidence;
    }

    PractitionerErasedData erased() {
        return new PractitionerErasedData(learner, UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"), Set.of(PARTNERSHIP));
    }

    long largeObjects() {
        return count("select count(*) from pg_largeobject_metadata");
    }

    @Test
    void theErasureEventDeletesPrivateEvidenceWithItsLargeObjectsAndClearsTheGoalsFreeText() {
        String goal = Fixtures.activeGoal(learner, Fixtures.goal("Questioning"));
        evidenceWithAttachment();
        evidenceWithAttachment();
        long before = largeObjects();
        PractitionerErasedData data = erased();

        CloudEventsOnKafka.send(DirectoryEvents.TOPIC, UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_ERASED,
                DirectoryEvents.SOURCE, learner.toString(), write(data));

        String admin = Tokens.admin(PARTNERSHIP);
        Fixtures.await(() -> as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").statusCode() == 200,
                "the erasure to be applied");
        as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(200)
                .body("service", equalTo("goals-service"))
                .body("erasureId", equalTo(data.erasureId().toString()))
                .body("status", equalTo("applied"))
                .body("goals", equalTo(1))
                .body("evidenceDeleted", equalTo(2))
                .body("attachmentsDeleted", equalTo(2));
        assertThat(largeObjects()).isEqualTo(before - 2);
        assertThat(count("select count(*) from evidence where owner_id = '" + learner + "'")).isZero();
        assertThat(scalar("select title || '|' || pupil_aspiration || '|' || coalesce(stretch, 'none') || '|' || status"
                + " from goal where id = '" + goal + "'")).isEqualTo("[erased]|[erased]|none|ACTIVE");
        assertThat(count("select count(*) from audit_entry where action = 'erase' and resource_id = '" + learner + "'"))
                .isOne();
    }

    @Test
    void aRepeatedErasureChangesNothing() throws Exception {
        Fixtures.activeGoal(learner, Fixtures.goal("Questioning"));
        String eventId = UUID.randomUUID().toString();
        consumer.on(record(eventId, erased()));
        String status = as(Tokens.admin(PARTNERSHIP)).get("/api/v1/privacy/subjects/" + learner + "/erasure").asString();
        String versions = scalar("select string_agg(version::text, ',') from goal where owner_id = '" + learner + "'");

        consumer.on(record(eventId, erased())); // redelivered
        consumer.on(record(UUID.randomUUID().toString(), erased())); // erased again upstream

        assertThat(as(Tokens.admin(PARTNERSHIP)).get("/api/v1/privacy/subjects/" + learner + "/erasure").asString())
                .isEqualTo(status);
        assertThat(scalar("select string_agg(version::text, ',') from goal where owner_id = '" + learner + "'"))
                .isEqualTo(versions);
        assertThat(count("select count(*) from audit_entry where action = 'erase' and resource_id = '" + learner + "'"))
                .isOne();
    }

    @Test
    void aFailureAtTheLastStepKeepsEverythingAndTheEventUnconsumed() throws Exception {
        String goal = Fixtures.activeGoal(learner, Fixtures.goal("Questioning"));
        String evidence = evidenceWithAttachment();
        long before = largeObjects();
        String eventId = UUID.randomUUID().toString();
        sql("create or replace function refuse_erase_audit() returns trigger language plpgsql as $$ begin "
                + "if new.action = 'erase' and new.resource_id = '" + learner + "' then raise exception 'audit refused'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_erase_audit before insert on audit_entry for each row execute function refuse_erase_audit()");
        try {
            assertThatThrownBy(() -> consumer.on(record(eventId, erased()))).isInstanceOf(RuntimeException.class);
        } finally {
            sql("drop trigger refuse_erase_audit on audit_entry");
        }

        assertThat(largeObjects()).isEqualTo(before);
        assertThat(count("select count(*) from attachment where evidence_id = '" + evidence + "'")).isOne();
        assertThat(scalar("select title from goal where id = '" + goal + "'")).isEqualTo("Questioning");
        assertThat(count("select count(*) from erasure where practitioner_id = '" + learner + "'")).isZero();
        assertThat(count("select count(*) from inbox_event where event_id = '" + eventId + "'")).isZero();

        consumer.on(record(eventId, erased())); // redelivered once the failure is gone
        assertThat(largeObjects()).isEqualTo(before - 1);
        assertThat(count("select count(*) from inbox_event where event_id = '" + eventId + "'")).isOne();
    }

    @Test
    void theStatusIsOnlyForAnAdminOfThePartnershipsRecordedOnTheErasure() throws Exception {
        String admin = Tokens.admin(PARTNERSHIP);
        as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404);
        consumer.on(record(UUID.randomUUID().toString(), erased()));

        as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(200);
        as(Tokens.admin(UUID.randomUUID())).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404)
                .contentType("application/problem+json");
        asPractitioner(learner).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404);
        as(admin).get("/api/v1/privacy/subjects/not-a-uuid/erasure").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private String write(PractitionerErasedData data) {
        try {
            return json.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<String, String> record(String eventId, PractitionerErasedData data) {
        return Fixtures.directoryRecord(eventId, DirectoryEvents.PRACTITIONER_ERASED, data.practitionerId().toString(),
                write(data));
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
