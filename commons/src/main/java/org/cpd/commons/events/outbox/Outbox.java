package org.cpd.commons.events.outbox;

import org.cpd.commons.events.EventsConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.Session;

/**
 * Writes an event in the caller's transaction: it is published if and only if the change commits,
 * within milliseconds of the commit (the relay is woken after it).
 * Event types are the contracts' constants, {@code cpd.<area>.<name>.v<n>}, of this service's area only.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<OutboxEventWritten> written;

    @Inject
    EventsConfig events;

    /** The accepted types, compiled once: a bulk write checks one type per event. */
    private Pattern types;

    @PostConstruct
    void compileTypes() {
        types = Pattern.compile("cpd\\." + Pattern.quote(events.area()) + "\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
    }

    /**
     * Writes an event of the full contract {@code type} (a constant of the service's {@code *Events}
     * class, any version); refused unless it is a {@code cpd.<area>.<name>.v<n>} type of this service's area.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent publishType(String aggregateType, Object aggregateId, String type, Object data) {
        OutboxEvent event = event(aggregateType, aggregateId, type, data, currentTraceParent());
        event.persist();
        written.fire(new OutboxEventWritten(event.sequence)); // observed after commit: wakes the relay
        return event;
    }

    /**
     * Events of one bulk write (a staff sync of thousands of rows), written with one statement per
     * {@value #BATCH_STATEMENT_ROWS} events instead of one per event; the same types are accepted as by
     * {@link #publishType}, and they are published in the order they were added.
     */
    public Batch batch() {
        return new Batch();
    }

    static final int BATCH_STATEMENT_ROWS = 500;

    /** Events collected for one write; {@link #write()} adds them to the caller's transaction. */
    public final class Batch {
        private final List<OutboxEvent> events = new ArrayList<>();
        private final String traceParent = currentTraceParent();

        private Batch() {
        }

        public Batch add(String aggregateType, Object aggregateId, String type, Object data) {
            events.add(event(aggregateType, aggregateId, type, data, traceParent));
            return this;
        }

        public int size() {
            return events.size();
        }

        /** Writes the collected events in the caller's transaction (required); the relay is woken once after it commits. */
        public void write() {
            if (events.isEmpty()) {
                return;
            }
            if (!QuarkusTransaction.isActive()) {
                throw new IllegalStateException("An outbox batch is written in the transaction of its change");
            }
            OutboxEvent.getEntityManager().unwrap(Session.class).doWork(connection -> {
                for (int from = 0; from < events.size(); from += BATCH_STATEMENT_ROWS) {
                    insert(connection, events.subList(from, Math.min(events.size(), from + BATCH_STATEMENT_ROWS)));
                }
            });
            events.clear();
            written.fire(new OutboxEventWritten(0));
        }

        private static void insert(Connection connection, List<OutboxEvent> chunk) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, trace_parent)
                    select n.event_id, n.aggregate_type, n.aggregate_id, n.event_type, n.payload, n.occurred_at, n.trace_parent
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) with ordinality
                         as n (event_id, aggregate_type, aggregate_id, event_type, payload, occurred_at, trace_parent, position)
                    order by n.position""")) {
                insert.setArray(1, connection.createArrayOf("uuid", chunk.stream().map(e -> e.eventId).toArray()));
                insert.setArray(2, connection.createArrayOf("text", chunk.stream().map(e -> e.aggregateType).toArray()));
                insert.setArray(3, connection.createArrayOf("text", chunk.stream().map(e -> e.aggregateId).toArray()));
                insert.setArray(4, connection.createArrayOf("text", chunk.stream().map(e -> e.eventType).toArray()));
                insert.setArray(5, connection.createArrayOf("text", chunk.stream().map(e -> e.payload).toArray()));
                insert.setArray(6, connection.createArrayOf("timestamptz",
                        chunk.stream().map(e -> OffsetDateTime.ofInstant(e.occurredAt, ZoneOffset.UTC)).toArray()));
                insert.setArray(7, connection.createArrayOf("text", chunk.stream().map(e -> e.traceParent).toArray()));
                insert.executeUpdate();
            }
        }
    }

    private OutboxEvent event(String aggregateType, Object aggregateId, String type, Object data, String traceParent) {
        if (type == null || !types.matcher(type).matches()) {
            throw new IllegalArgumentException(type + " is not a cpd." + events.area() + ".<name>.v<n> event type (cpd.events.area)");
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.aggregateType = aggregateType;
        event.aggregateId = String.valueOf(aggregateId);
        event.eventType = type;
        event.payload = json(data);
        event.occurredAt = TrackedEntity.now();
        event.traceParent = traceParent;
        return event;
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
