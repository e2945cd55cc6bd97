package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.testapp.NoteConsumer;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.KafkaResource;
import org.junit.jupiter.api.Test;

/** The consumer skeleton's one policy for unreadable records: dead letter with reason and origin, carry on. */
@QuarkusTest
class DeadLetterTest {

    static final String INBOUND = "cpd.test.inbound";

    @Inject
    MeterRegistry metrics;

    @Test
    void unreadableRecordsGoToTheConsumersDeadLetterTopicAndTheNextGoodRecordIsApplied() {
        double before = deadLetters();
        UUID noteId = UUID.randomUUID();
        String key = noteId.toString();
        // 1: not a CloudEvent at all; 2: a CloudEvent whose data is not JSON. Same key: same partition, in order.
        KafkaResource.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(INBOUND, key, "plain text, no headers")).awaitCompletion(Duration.ofSeconds(20));
        String badDataId = CloudEventsOnKafka.send(INBOUND, "cpd.other.note-created.v1", "/cpd/other", key, "{not json");
        CloudEventsOnKafka.send(INBOUND, "cpd.other.note-created.v1", "/cpd/other", key,
                "{\"id\":\"" + noteId + "\",\"title\":\"after the bad ones\",\"priority\":2,\"colour\":\"GREEN\",\"version\":0}");

        OutboxAndInboxTest.awaitTrue(() -> OutboxAndInboxTest.received(noteId) == 1);

        List<ConsumerRecord<String, String>> sent = CloudEventsOnKafka.await(INBOUND, r -> key.equals(r.key()), 3);
        String deadLetterTopic = EventConsumer.deadLetterTopic(INBOUND, NoteConsumer.CONSUMER);
        assertThat(deadLetterTopic).isEqualTo("cpd.test.inbound.commons-test.dlq");
        List<ConsumerRecord<String, String>> dead = CloudEventsOnKafka.await(deadLetterTopic, r -> key.equals(r.key()), 2);
        assertThat(dead).hasSize(2);

        ConsumerRecord<String, String> noHeaders = dead.get(0);
        assertThat(noHeaders.value()).isEqualTo("plain text, no headers");
        assertThat(CloudEventsOnKafka.header(noHeaders, "dead-letter-reason")).contains("Not a CloudEvent").contains("ce_id");
        assertOrigin(noHeaders, sent.get(0));

        ConsumerRecord<String, String> badData = dead.get(1);
        assertThat(badData.value()).isEqualTo("{not json");
        assertThat(CloudEventsOnKafka.header(badData, "ce_id")).as("original headers kept").isEqualTo(badDataId);
        assertThat(CloudEventsOnKafka.header(badData, "dead-letter-reason")).contains("unreadable data");
        assertThat(CloudEventsOnKafka.header(badData, "dead-letter-cause")).contains("JsonParseException");
        assertOrigin(badData, sent.get(1));

        assertThat(deadLetters() - before).isEqualTo(2);
    }

    @Test
    void deadLettersAndConsumerLagAreExposedAsMetrics() {
        KafkaResource.companion().produceStrings()
                .fromRecords(new ProducerRecord<>(INBOUND, UUID.randomUUID().toString(), "unreadable")).awaitCompletion(Duration.ofSeconds(20));
        OutboxAndInboxTest.awaitTrue(() -> deadLetters() > 0);
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).containsPattern("cpd_events_dead_letters_total\\{[^}]*consumer=\"commons-test\"");
        assertThat(scrape).contains("kafka_consumer_fetch_manager_records_lag");
    }

    private static void assertOrigin(ConsumerRecord<String, String> deadLetter, ConsumerRecord<String, String> original) {
        assertThat(CloudEventsOnKafka.header(deadLetter, "dead-letter-topic")).isEqualTo(INBOUND);
        assertThat(CloudEventsOnKafka.header(deadLetter, "dead-letter-partition")).isEqualTo(Integer.toString(original.partition()));
        assertThat(CloudEventsOnKafka.header(deadLetter, "dead-letter-offset")).isEqualTo(Long.toString(original.offset()));
        assertThat(CloudEventsOnKafka.header(deadLetter, "dead-letter-consumer")).isEqualTo(NoteConsumer.CONSUMER);
    }

    private double deadLetters() {
        return metrics.find("cpd.events.dead.letters").tag("consumer", NoteConsumer.CONSUMER).tag("topic", INBOUND)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
