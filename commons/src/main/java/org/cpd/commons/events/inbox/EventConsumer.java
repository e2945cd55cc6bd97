package org.cpd.commons.events.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one consumer skeleton every service uses: read the CloudEvent, find the route for its type,
 * read its data, skip it if this consumer has already applied that event id, else apply it — the
 * inbox row and the effect in one transaction.
 *
 * <p>One policy for an unreadable record (no CloudEvent headers, or data that is not the contract's
 * JSON): it is logged with its position, counted in {@code cpd.events.unreadable}, and skipped, so
 * one bad record never stops the channel. Nothing is written for it.
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

    @Transactional
    public Outcome consume(ConsumerRecord<String, String> record, EventRoutes routes) {
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
        LOG.warnf("%s skips an unreadable record at %s-%d@%d: %s", routes.consumer(), record.topic(),
                record.partition(), record.offset(), why.getMessage());
        metrics.counter("cpd.events.unreadable", "consumer", routes.consumer(), "topic", record.topic()).increment();
        return Outcome.UNREADABLE;
    }
}
