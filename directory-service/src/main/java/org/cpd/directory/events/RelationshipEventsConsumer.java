package org.cpd.directory.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.relationships.ConversationData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.commons.events.inbox.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps supporters' current load and given time from {@code cpd.relationships.events}.
 * Idempotent: the event id is recorded in the same transaction as its effect.
 */
@ApplicationScoped
public class RelationshipEventsConsumer {

    static final String CONSUMER = "directory";
    private static final Logger LOG = Logger.getLogger(RelationshipEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    SupportLedger ledger;

    @Incoming("relationship-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("Skipping redelivered event %s", event.id());
            return;
        }
        apply(event);
    }

    void apply(IncomingEvent event) {
        String type = event.type() == null ? "" : event.type();
        if (type.equals(RelationshipEvents.CONVERSATION_RECORDED)) {
            ConversationData data = data(event, ConversationData.class);
            if (data != null) {
                ledger.conversation(data);
            }
        } else if (type.startsWith("cpd.relationships.relationship-") && !type.equals(RelationshipEvents.PROPOSAL_REMINDER)
                && !type.equals(RelationshipEvents.AGREEMENT_VERSIONED) && !type.equals(RelationshipEvents.AGREEMENT_SIGNED)) {
            RelationshipData data = data(event, RelationshipData.class);
            if (data != null && data.relationshipId() != null && data.status() != null) {
                ledger.relationship(data);
            }
        }
    }

    /** Unreadable data is logged and skipped (recorded as processed): retrying cannot make it readable. */
    private static <T> T data(IncomingEvent event, Class<T> type) {
        try {
            return event.data(type);
        } catch (IllegalArgumentException e) {
            LOG.errorf("Skipping event %s of type %s: %s", event.id(), event.type(), e.getMessage());
            return null;
        }
    }
}
