package org.cpd.directory.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.directory.domain.WebhookEventTypes;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns the events of {@code cpd.directory.events} and {@code cpd.relationships.events} into pending webhook
 * deliveries (docs/adr/0018-webhooks.md): its own consumer group and inbox name ({@code directory-webhooks}), so it
 * neither slows nor is slowed by the read-model consumer. Nothing is sent from here; the dispatcher sends.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    /** The inbox name (and the consumer group) of this consumer. */
    static final String CONSUMER = "directory-webhooks";

    @Inject
    EventConsumer consumer;

    @Inject
    WebhookFanOut fanOut;

    private EventRoutes routes;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.of(CONSUMER).onMatching(WebhookEventTypes::known, JsonNode.class, fanOut::deliver);
    }

    @Incoming("directory-webhook-events")
    @Blocking
    public void onDirectory(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }

    @Incoming("relationship-webhook-events")
    @Blocking
    public void onRelationships(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }
}
