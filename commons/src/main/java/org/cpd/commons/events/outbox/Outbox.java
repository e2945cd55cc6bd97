package org.cpd.commons.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cpd.commons.persistence.TrackedEntity;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes an event in the caller's transaction: it is published if and only if the change commits,
 * within milliseconds of the commit (the relay is woken after it).
 * Event type names are {@code cpd.<area>.<name>.v<n>}.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<OutboxEventWritten> written;

    @ConfigProperty(name = "cpd.events.area")
    String area;

    /** Writes an event of type {@code cpd.<area>.<name>.v1}, composed from the short {@code name}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publish(String aggregateType, Object aggregateId, String name, Object data) {
        return write(aggregateType, aggregateId, typeOf(name), data);
    }

    /**
     * Writes an event of the full contract {@code type} (a constant of the service's {@code *Events}
     * class, any version); refused unless it is a {@code cpd.<area>.<name>.v<n>} type of this service's area.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publishType(String aggregateType, Object aggregateId, String type, Object data) {
        if (type == null || !type.matches("cpd\\." + Pattern.quote(area) + "\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*")) {
            throw new IllegalArgumentException(type + " is not a cpd." + area + ".<name>.v<n> event type (cpd.events.area)");
        }
        return write(aggregateType, aggregateId, type, data);
    }

    private OutboxEvent write(String aggregateType, Object aggregateId, String type, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = String.valueOf(aggregateId);
        event.eventType = type;
        event.payload = json(data);
        event.occurredAt = TrackedEntity.now();
        event.traceParent = currentTraceParent();
        event.persist();
        written.fire(new OutboxEventWritten(event.sequence)); // observed after commit: wakes the relay
        return event;
    }

    public String typeOf(String name) {
        return "cpd." + area + "." + name + ".v1";
    }

    private String json(Object data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised", e);
        }
    }

    /** Kept so the trace of the request that caused the event continues when it is published. */
    private static String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
