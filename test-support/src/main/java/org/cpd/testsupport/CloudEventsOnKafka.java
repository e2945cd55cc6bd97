package org.cpd.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** Produces and reads CloudEvents (binary mode) on the test broker, exactly as the services do. */
public final class CloudEventsOnKafka {

    private CloudEventsOnKafka() {
    }

    /** Sends one event; returns its id (reuse the id to simulate a redelivery). */
    public static String send(String topic, String id, String type, String source, String subject, String jsonData) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, jsonData);
        record.headers()
                .add(header("ce_specversion", "1.0"))
                .add(header("ce_id", id))
                .add(header("ce_type", type))
                .add(header("ce_source", source))
                .add(header("ce_subject", subject))
                .add(header("ce_time", Instant.now().toString()))
                .add(header("content-type", "application/json"));
        KafkaResource.companion().produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(20));
        return id;
    }

    /** Sends a consumed record on to another topic with its key, value and headers as they are. */
    public static void forward(ConsumerRecord<String, String> record, String topic) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(topic, record.key(), record.value());
        record.headers().forEach(copy.headers()::add);
        KafkaResource.companion().produceStrings().fromRecords(copy).awaitCompletion(Duration.ofSeconds(20));
    }

    public static String send(String topic, String type, String source, String subject, String jsonData) {
        return send(topic, UUID.randomUUID().toString(), type, source, subject, jsonData);
    }

    /**
     * Reads the topic from its start until {@code count} events of {@code type} arrived (or fails
     * after 30 s), and returns those events.
     */
    public static List<ConsumerRecord<String, String>> await(String topic, String type, int count) {
        return await(topic, r -> type.equals(header(r, "ce_type")), count);
    }

    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        try (ConsumerTask<String, String> task = KafkaResource.companion().consumeStrings()
                .withGroupId("test-" + UUID.randomUUID())
                .withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(topic)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ConsumerRecord<String, String>> found = List.of();
            while (System.nanoTime() < deadline) {
                found = task.getRecords().stream().filter(wanted).toList();
                if (found.size() >= count) {
                    return found;
                }
                sleep();
            }
            throw new AssertionError("Expected " + count + " matching events on " + topic + " within 30 s, got " + found.size());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
