package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.cpd.relationships.Api.activeCoaching;
import static org.cpd.relationships.Api.as;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.cpd.relationships.events.DirectoryEventsConsumer;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * cpd.directory.practitioner-erased.v1 applied by relationships-service: the person's relationships kept as statistics
 * only, in one transaction with the inbox row; GET /api/v1/privacy/subjects/{id}/erasure reports it.
 */
@QuarkusTest
class ErasureTest extends CoachAndLearnerTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryEventsConsumer consumer;

    String conversation(String relationship) {
        String startsAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return as(learner).body("""
                        {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                         "activities":["OBSERVATION_DISCUSSION"],"agendaOwner":"SHARED",
                         "sharedSummary":"Questioning","confidentialNotes":"between us",
                         "actionPoints":[{"description":"Try no-hands-up questioning","ownerId":"%s"}]}"""
                        .formatted(relationship, startsAt, learner))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    PractitionerErasedData erased(UUID person) {
        return new PractitionerErasedData(person, UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"),
                Set.of(Directory.PARTNERSHIP));
    }

    @Test
    void theErasureEventLeavesTheRelationshipAsStatisticsOnlyAndIsReported() {
        String relationship = activeCoaching(coach, learner);
        String conversation = conversation(relationship);
        PractitionerErasedData data = erased(learner);

        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_ERASED, learner, data);

        String admin = Tokens.admin(Directory.PARTNERSHIP);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure")
                .statusCode() == 200);
        as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(200)
                .body("service", equalTo("relationships-service"))
                .body("erasureId", equalTo(data.erasureId().toString()))
                .body("status", equalTo("applied"))
                .body("relationships", equalTo(1))
                .body("conversations", equalTo(1));
        assertThat(row("select confidential_notes is null and shared_summary is null from conversation where id = ?1",
                UUID.fromString(conversation))).isEqualTo(true);
        assertThat(row("select string_agg(description, ',') from action_point where conversation_id = ?1",
                UUID.fromString(conversation))).isEqualTo("[erased]");
        assertThat(row("select form || ' ' || status from relationship where id = ?1", UUID.fromString(relationship)))
                .isEqualTo("SPECIALIST_COACHING ACTIVE");
        assertThat(row("select count(*) from relationship_participant where relationship_id = ?1", UUID.fromString(relationship)))
                .isEqualTo(2L);
        assertThat(row("select count(*) from audit_entry where action = 'erase' and resource_id = ?1", learner.toString()))
                .isEqualTo(1L);
    }

    @Test
    void aReplayedOrRepeatedErasureChangesNothing() {
        String relationship = activeCoaching(coach, learner);
        String conversation = conversation(relationship);
        PractitionerErasedData data = erased(learner);
        String eventId = directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_ERASED, learner, data);
        String admin = Tokens.admin(Directory.PARTNERSHIP);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure")
                .statusCode() == 200);
        String status = as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").asString();
        Object version = row("select version from conversation where id = ?1", UUID.fromString(conversation));

        directory.send(eventId, DirectoryEvents.PRACTITIONER_ERASED, learner, data); // redelivered
        String another = directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_ERASED, learner, erased(learner));
        await().atMost(Duration.ofSeconds(30)).until(() -> (Long) row(
                "select count(*) from inbox_event where consumer = 'relationships' and event_id = ?1", another) == 1L);

        assertThat(as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").asString()).isEqualTo(status);
        assertThat(row("select version from conversation where id = ?1", UUID.fromString(conversation))).isEqualTo(version);
        assertThat(row("select count(*) from audit_entry where action = 'erase' and resource_id = ?1", learner.toString()))
                .isEqualTo(1L);
    }

    @Test
    void aFailureAtTheLastStepRollsTheWholeErasureBackAndTheEventStaysUnconsumed() throws Exception {
        String relationship = activeCoaching(coach, learner);
        String conversation = conversation(relationship);
        String eventId = UUID.randomUUID().toString();
        ConsumerRecord<String, String> record = record(eventId, erased(learner));
        sql("create or replace function refuse_erase_audit() returns trigger language plpgsql as $$ begin "
                + "if new.action = 'erase' and new.resource_id = '" + learner + "' then raise exception 'audit refused'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_erase_audit before insert on audit_entry for each row execute function refuse_erase_audit()");
        try {
            assertThatThrownBy(() -> consumer.on(record)).isInstanceOf(RuntimeException.class);
        } finally {
            sql("drop trigger refuse_erase_audit on audit_entry");
        }

        assertThat(row("select confidential_notes || '/' || shared_summary from conversation where id = ?1",
                UUID.fromString(conversation))).isEqualTo("between us/Questioning");
        assertThat(row("select string_agg(description, ',') from action_point where conversation_id = ?1",
                UUID.fromString(conversation))).isEqualTo("Try no-hands-up questioning");
        assertThat(row("select count(*) from erasure where practitioner_id = ?1", learner)).isEqualTo(0L);
        assertThat(row("select count(*) from inbox_event where consumer = 'relationships' and event_id = ?1", eventId))
                .isEqualTo(0L);

        consumer.on(record); // delivered again once the failure is gone: applied
        assertThat(row("select count(*) from erasure where practitioner_id = ?1", learner)).isEqualTo(1L);
        assertThat(row("select confidential_notes is null from conversation where id = ?1", UUID.fromString(conversation)))
                .isEqualTo(true);
    }

    @Test
    void theStatusIsOnlyForAnAdminOfThePartnershipsRecordedOnTheErasure() {
        String admin = Tokens.admin(Directory.PARTNERSHIP);
        as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404); // not yet
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_ERASED, learner, erased(learner));
        await().atMost(Duration.ofSeconds(30)).until(() -> as(admin).get("/api/v1/privacy/subjects/" + learner + "/erasure")
                .statusCode() == 200);

        as(Tokens.admin(Directory.OTHER_PARTNERSHIP)).get("/api/v1/privacy/subjects/" + learner + "/erasure").then()
                .statusCode(404).contentType("application/problem+json");
        as(learner).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404);
        as(coach).get("/api/v1/privacy/subjects/" + learner + "/erasure").then().statusCode(404);
        as(admin).get("/api/v1/privacy/subjects/not-a-uuid/erasure").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private ConsumerRecord<String, String> record(String eventId, PractitionerErasedData data) throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(DirectoryEvents.TOPIC, 0, 0L,
                data.practitionerId().toString(), json.writeValueAsString(data));
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId))
                .add("ce_type", bytes(DirectoryEvents.PRACTITIONER_ERASED)).add("ce_source", bytes(DirectoryEvents.SOURCE))
                .add("ce_subject", bytes(data.practitionerId().toString())).add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private Object row(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(sql).setParameter(1, param).getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        });
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
