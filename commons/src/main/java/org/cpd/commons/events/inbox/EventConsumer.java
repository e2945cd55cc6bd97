package org.cpd.commons.events.inbox;

import org.cpd.commons.events.EventsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cpd.commons.events.Messages;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * The one consumer skeleton every service uses: read the CloudEvent, find the route for its type,
 * read its data, skip it if this consumer has already applied that event id, else apply it — the
 * inbox row and the effect in one transaction.
 *
 * <p>One policy for an unreadable record (no CloudEvent headers, or data that is not the contract's
 * JSON): retrying cannot make it readable, so it goes to the consumer's dead-letter topic
 * ({@code <topic>.<consumer>.dlq}: key, value and headers as they came, plus the reason and the
 * origin in {@code dead-letter-*} headers), is counted in {@code cpd.events.dead.letters} and
 * logged, and the consumer carries on with the next record. Nothing is written to the database for
 * it. If the dead letter itself cannot be written, the record is not acknowledged (the call throws):
 * it is never dropped silently.
 *
 * <p>Each record is handled in a consumer span whose parent is the record's {@code traceparent}
 * header (the span of the write that stored the event in the outbox), so one trace runs from the
 * HTTP request through the outbox and Kafka to every consumer (docs/events.md).
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    /** What became of one record. */
    public enum Outcome { APPLIED, DUPLICATE, IGNORED, UNREADABLE }

    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    @Inject
    ConsumerProgress progress;

    @Inject
    EntityManager em;

    @Inject
    @Channel("dead-letters")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 256)
    Emitter<String> deadLetters;

    @Inject
    EventsConfig eventsConfig;

    /** The consumer's own dead-letter topic for records read from {@code topic}. */
    public static String deadLetterTopic(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }

    /** Applies the record in its own transaction (the inbox row and the effect), inside a consumer span. */
    public Outcome consume(ConsumerRecord<String, String> record, EventRoutes routes) {
        return handle(record, routes, true);
    }

    /** The same for a record a {@link ReadModelRebuild} replays: it holds the consumer's lock itself. */
    Outcome replay(ConsumerRecord<String, String> record, EventRoutes routes) {
        return handle(record, routes, false);
    }

    private Outcome handle(ConsumerRecord<String, String> record, EventRoutes routes, boolean live) {
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record, RECORD_HEADERS);
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", routes.consumer())
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
        progress.started(routes.consumer(), record);
        try (Scope ignored = span.makeCurrent()) {
            Outcome outcome = QuarkusTransaction.joiningExisting().call(() -> {
                if (live) {
                    waitForRebuild(routes.consumer());
                }
                return apply(record, routes);
            });
            span.setAttribute("cpd.event.outcome", outcome.name());
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            progress.finished(routes.consumer());
            span.end();
        }
    }

    /** Shared with every other live record; a rebuild of this consumer's read model holds it exclusively. */
    private void waitForRebuild(String consumerName) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(hashtext(?1))) as locked").setParameter(1, consumerName).getSingleResult();
    }

    private Outcome apply(ConsumerRecord<String, String> record, EventRoutes routes) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            return unreadable(routes, record, e);
        }
        var route = routes.routeFor(event.type());
        if (route.isEmpty()) {
            LOG.tracef("%s ignores %s", routes.consumer(), event.type()); // a fact this consumer does not need
            return Outcome.IGNORED;
        }
        Object data;
        try {
            data = event.data(route.get().dataType());
        } catch (RuntimeException e) {
            return unreadable(routes, record, e);
        }
        if (data == null) {
            return unreadable(routes, record, new IllegalArgumentException("event " + event.id() + " has no data"));
        }
        if (!inbox.firstDelivery(routes.consumer(), event.id())) {
            LOG.debugf("%s skips redelivered event %s", routes.consumer(), event.id());
            return Outcome.DUPLICATE;
        }
        route.get().apply(data, event);
        return Outcome.APPLIED;
    }

    private Outcome unreadable(EventRoutes routes, ConsumerRecord<String, String> record, RuntimeException why) {
        String consumer = routes.consumer();
        String deadLetterTopic = deadLetterTopic(record.topic(), consumer);
        LOG.warnf("%s sends the unreadable record at %s-%d@%d to %s: %s", consumer, record.topic(),
                record.partition(), record.offset(), deadLetterTopic, why.getMessage());
        sendDeadLetter(deadLetterTopic, consumer, record, why);
        metrics.counter("cpd.events.dead.letters", "consumer", consumer, "topic", record.topic()).increment();
        return Outcome.UNREADABLE;
    }

    private void sendDeadLetter(String deadLetterTopic, String consumer, ConsumerRecord<String, String> record, RuntimeException why) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(utf8("dead-letter-reason", why.getMessage() == null ? why.getClass().getName() : why.getMessage()));
        Throwable cause = Messages.rootCause(why);
        if (cause != why) {
            headers.add(utf8("dead-letter-cause", cause.getClass().getName() + ": " + cause.getMessage()));
        }
        headers.add(utf8("dead-letter-topic", record.topic()));
        headers.add(utf8("dead-letter-partition", Integer.toString(record.partition())));
        headers.add(utf8("dead-letter-offset", Long.toString(record.offset())));
        headers.add(utf8("dead-letter-consumer", consumer));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(deadLetterTopic)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Messages.completing(ack, record.value() == null ? "" : record.value(), Metadata.of(kafka));
        try {
            deadLetters.send(message);
            ack.get(eventsConfig.deadLetterTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Cannot write the dead letter for " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + " to " + deadLetterTopic + "; the record stays unacknowledged", e);
        }
    }

    /** Reads W3C trace context from the record's headers (the outbox relay writes {@code traceparent}). */
    private static final TextMapGetter<ConsumerRecord<String, String>> RECORD_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<String, String> record) {
            List<String> keys = new ArrayList<>();
            record.headers().forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(ConsumerRecord<String, String> record, String key) {
            Header header = record == null ? null : record.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static Header utf8(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
