package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * One trace from the caller's request through the service, the outbox and Kafka to a consumer: the
 * request arrives with a W3C traceparent (as the gateway sends it), the event carries the write's
 * span in its traceparent header, and the consumer's span is that span's child.
 */
@QuarkusTest
class TracingTest {

    static final String TOKEN = Tokens.practitioner(UUID.randomUUID(), "100001");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumerSpanContinuesTheTraceOfTheRequestThatWroteTheEvent() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String id = given().auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body("{\"title\":\"traced\",\"priority\":1,\"colour\":\"BLUE\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().jsonPath().getString("id");

        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId));
        assertThat(server.getParentSpanId()).isEqualTo(callerSpanId);

        ConsumerRecord<String, String> event = CloudEventsOnKafka.await("cpd.test.events", r -> id.equals(r.key()), 1).get(0);
        String traceparent = CloudEventsOnKafka.header(event, "traceparent");
        assertThat(traceparent).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");

        // Delivered to a consumer (the test app reads its inbound topic), headers as published.
        CloudEventsOnKafka.forward(event, "cpd.test.inbound");
        SpanData consumer = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId));
        assertThat(consumer.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(consumer.getName()).isEqualTo("cpd.test.inbound process");
        assertThat(consumer.getAttributes().asMap().values()).contains("APPLIED");
    }

    @Test
    void aRecordWithoutTraceContextStartsItsOwnTrace() {
        String before = hex(16);
        CloudEventsOnKafka.send("cpd.test.inbound", "cpd.other.note-created.v1", "/cpd/other", UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"untraced\",\"priority\":1,\"colour\":\"RED\",\"version\":0}");
        SpanData consumer = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && !s.getTraceId().equals(before)
                && s.getParentSpanContext().getSpanId().equals("0000000000000000")
                && s.getAttributes().asMap().values().contains("APPLIED"));
        assertThat(consumer.getParentSpanContext().isValid()).isFalse();
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(spans.getFinishedSpanItems(), wanted), Optional::isPresent).orElseThrow();
    }

    private static Optional<SpanData> find(List<SpanData> finished, java.util.function.Predicate<SpanData> wanted) {
        return finished.stream().filter(wanted).findFirst();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never the all-zero (invalid) id
        return HexFormat.of().formatHex(random);
    }
}
