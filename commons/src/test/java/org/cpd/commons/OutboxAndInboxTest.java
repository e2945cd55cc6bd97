package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.commons.events.outbox.OutboxEvent;
import org.eclipse.microprofile.config.ConfigProvider;
import org.cpd.commons.testapp.ReceivedNote;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The outbox publishes to the real broker; the inbox applies a redelivered event once. */
@QuarkusTest
class OutboxAndInboxTest {

    @Inject
    Outbox outbox;

    static final String TOKEN = Tokens.practitioner(UUID.randomUUID(), "100001");

    @Test
    void createdNotePublishesOneCloudEventKeyedByAggregateId() {
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"title\":\"published\",\"priority\":1,\"colour\":\"BLUE\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().jsonPath().getString("id");

        List<ConsumerRecord<String, String>> events = CloudEventsOnKafka.await("cpd.test.events",
                r -> id.equals(r.key()), 1);
        ConsumerRecord<String, String> event = events.get(0);
        assertThat(CloudEventsOnKafka.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventsOnKafka.header(event, "ce_type")).isEqualTo("cpd.test.note-created.v1");
        assertThat(CloudEventsOnKafka.header(event, "ce_source")).isEqualTo("/cpd/test-service");
        assertThat(CloudEventsOnKafka.header(event, "ce_subject")).isEqualTo(id);
        assertThat(CloudEventsOnKafka.header(event, "ce_id")).isNotBlank();
        assertThat(CloudEventsOnKafka.header(event, "ce_time")).isNotBlank();
        assertThat(event.value()).contains("\"title\":\"published\"");
        awaitTrue(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("aggregateId = ?1 and publishedAt is not null", id) == 1));
    }

    @Test
    void eventIsPublishedRightAfterItsTransactionCommitsNotAtTheNextPoll() {
        // The suite polls hourly: once the first poll has armed the relay, only the after-commit
        // wake-up can publish the second note within the wait below.
        assertThat(ConfigProvider.getConfig().getValue("cpd.outbox.poll-interval", Duration.class))
                .isGreaterThanOrEqualTo(Duration.ofHours(1));
        awaitPublished(createNote("armed"));

        String id = createNote("woken");
        long committed = System.nanoTime();
        awaitPublished(id);
        assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(10));
        assertThat(CloudEventsOnKafka.await("cpd.test.events", r -> id.equals(r.key()), 1)).hasSize(1);
    }

    static String createNote(String title) {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"priority\":1,\"colour\":\"BLUE\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().jsonPath().getString("id");
    }

    static void awaitPublished(String aggregateId) {
        awaitTrue(() -> QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.count("aggregateId = ?1 and publishedAt is not null", aggregateId) == 1));
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereWritten() {
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("{\"title\":\"v0\",\"priority\":1,\"colour\":\"BLUE\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().jsonPath().getString("id");
        for (int version = 0; version < 5; version++) {
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"")
                    .body("{\"title\":\"v" + (version + 1) + "\",\"priority\":1,\"colour\":\"BLUE\"}")
                    .put("/api/v1/notes/" + id).then().statusCode(200);
        }
        List<ConsumerRecord<String, String>> events = CloudEventsOnKafka.await("cpd.test.events", r -> id.equals(r.key()), 6);
        assertThat(events).extracting(r -> r.value().replaceAll(".*\"title\":\"(v\\d)\".*", "$1"))
                .containsExactly("v0", "v1", "v2", "v3", "v4", "v5");
    }

    @Test
    void publishesAFullContractTypeOfItsAreaAndRefusesAnyOther() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishType("note", id, "cpd.test.note-archived.v2", Map.of("id", id)));
        ConsumerRecord<String, String> event = CloudEventsOnKafka.await("cpd.test.events", r -> id.equals(r.key()), 1).get(0);
        assertThat(CloudEventsOnKafka.header(event, "ce_type")).isEqualTo("cpd.test.note-archived.v2");

        for (String wrong : new String[] {"cpd.goals.goal-set.v1", "note-archived", "cpd.test.note-archived", "cpd.test.Note.v1"}) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.publishType("note", id, wrong, Map.of())))
                    .as(wrong).hasStackTraceContaining("is not a cpd.test.<name>.v<n> event type");
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", id))).isEqualTo(1);
    }

    /** A bulk write's events: several statements' worth, published in the order added, or none when it rolls back. */
    @Test
    void aBatchIsPublishedInOrderWithItsChangeOrNotAtAll() {
        String aggregate = UUID.randomUUID().toString();
        int events = 1_200; // three statements of 500
        QuarkusTransaction.requiringNew().run(() -> {
            Outbox.Batch batch = outbox.batch();
            for (int i = 0; i < events; i++) {
                batch.add("note", aggregate, "cpd.test.note-imported.v1", Map.of("n", i));
            }
            assertThat(batch.size()).isEqualTo(events);
            batch.write();
        });
        List<ConsumerRecord<String, String>> published = CloudEventsOnKafka.await("cpd.test.events",
                r -> aggregate.equals(r.key()), events);
        assertThat(published).extracting(r -> r.value().replaceAll(".*\\\"n\\\":(\\d+).*", "$1"))
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, events).mapToObj(String::valueOf).toList());
        assertThat(CloudEventsOnKafka.header(published.get(0), "ce_type")).isEqualTo("cpd.test.note-imported.v1");

        String rolledBack = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.batch().add("note", rolledBack, "cpd.test.note-imported.v1", Map.of("n", 0)).write();
            throw new IllegalStateException("the change failed");
        })).hasMessageContaining("the change failed");
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("aggregateId", rolledBack))).isZero();

        assertThatThrownBy(() -> outbox.batch().add("note", rolledBack, "cpd.goals.goal-set.v1", Map.of()))
                .hasMessageContaining("is not a cpd.test.<name>.v<n> event type");
        assertThatThrownBy(() -> outbox.batch().add("note", rolledBack, "cpd.test.note-imported.v1", Map.of()).write())
                .hasMessageContaining("written in the transaction of its change");
    }

    @Test
    void redeliveredEventIsAppliedOnce() {
        UUID noteId = UUID.randomUUID();
        String data = "{\"id\":\"" + noteId + "\",\"title\":\"from elsewhere\",\"priority\":2,\"colour\":\"GREEN\",\"version\":0}";
        String eventId = UUID.randomUUID().toString();
        CloudEventsOnKafka.send("cpd.test.inbound", eventId, "cpd.other.note-created.v1", "/cpd/other", noteId.toString(), data);
        awaitTrue(() -> received(noteId) == 1);

        CloudEventsOnKafka.send("cpd.test.inbound", eventId, "cpd.other.note-created.v1", "/cpd/other", noteId.toString(), data);
        // A later, different event proves the duplicate has been consumed (same partition, in order).
        CloudEventsOnKafka.send("cpd.test.inbound", "cpd.other.note-created.v1", "/cpd/other", noteId.toString(), data);
        awaitTrue(() -> received(noteId) == 2);
        assertThat(received(noteId)).isEqualTo(2); // once for the first id, once for the new id; never for the duplicate
    }

    static int received(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReceivedNote note = ReceivedNote.findById(id);
            return note == null ? 0 : note.received;
        });
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
