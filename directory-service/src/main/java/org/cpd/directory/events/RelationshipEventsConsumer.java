package org.cpd.directory.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.commons.events.inbox.RebuildableReadModel;
import org.cpd.contracts.relationships.ConversationData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps supporters' current load and given time from {@code cpd.relationships.events}; rebuildable
 * from the topic's start (docs/events.md, Rebuilding a read model).
 */
@ApplicationScoped
public class RelationshipEventsConsumer implements RebuildableReadModel {

    /** The inbox name of this consumer: existing inbox rows are kept under it. */
    static final String CONSUMER = "directory";

    /** Lifecycle events carry the relationship's full state, from which a participant's place is counted. */
    static final List<String> LIFECYCLE = List.of(RelationshipEvents.PROPOSED, RelationshipEvents.ACCEPTED,
            RelationshipEvents.ACTIVATED, RelationshipEvents.PAUSED, RelationshipEvents.RESUMED, RelationshipEvents.CLOSED,
            RelationshipEvents.DECLINED, RelationshipEvents.WITHDRAWN, RelationshipEvents.EXPIRED);

    @Inject
    EventConsumer consumer;

    @Inject
    SupportLedger ledger;

    private EventRoutes routes;

    @PostConstruct
    void buildRoutes() {
        routes = EventRoutes.of(CONSUMER)
                .on(RelationshipEvents.CONVERSATION_RECORDED, ConversationData.class, (data, event) -> ledger.conversation(data))
                .on(LIFECYCLE, RelationshipData.class, (data, event) -> {
                    if (data.relationshipId() != null && data.status() != null) {
                        ledger.relationship(data);
                    }
                })
                .rebuildableFrom(RelationshipEvents.TOPIC, ledger::clear);
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    @Incoming("relationship-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }
}
