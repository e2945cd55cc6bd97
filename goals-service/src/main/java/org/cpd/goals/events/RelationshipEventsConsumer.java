package org.cpd.goals.events;

import io.smallrye.common.annotation.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cpd.contracts.relationships.ParticipantData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.commons.events.inbox.Inbox;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.goals.domain.RelationshipView;
import org.cpd.goals.persistence.RelationshipReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps who supports whom from {@code cpd.relationships.events}: every relationship event carries
 * the relationship's status and participants, and the newest one wins. Idempotent through the
 * Inbox: a redelivered event id changes nothing.
 */
@ApplicationScoped
public class RelationshipEventsConsumer {

    static final String CONSUMER = "goals";
    private static final Logger LOG = Logger.getLogger(RelationshipEventsConsumer.class);
    private static final String RELATIONSHIP_EVENT_PREFIX = "cpd.relationships.relationship-";

    @Inject
    Inbox inbox;

    @Inject
    RelationshipReadModel readModel;

    @Incoming("relationships-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("Skipping redelivered event %s", event.id());
            return;
        }
        if (event.type() == null || !event.type().startsWith(RELATIONSHIP_EVENT_PREFIX)) {
            return; // conversations, referrals: nothing this service decides access on
        }
        RelationshipData data = event.data(RelationshipData.class);
        if (data == null || data.relationshipId() == null || data.status() == null) {
            LOG.warnf("Ignoring %s %s: no relationship id or status", event.type(), event.id());
            return;
        }
        Set<RelationshipView.Member> members = (data.participants() == null ? List.<ParticipantData>of()
                : data.participants()).stream()
                .filter(p -> p.practitionerId() != null)
                .map(p -> new RelationshipView.Member(p.practitionerId(), p.role() == null ? "UNKNOWN" : p.role()))
                .collect(Collectors.toSet());
        Instant time = event.time() == null ? Instant.now() : event.time().toInstant();
        readModel.apply(data.relationshipId(), data.form(), data.status(), members, data.activatedAt(), data.endedAt(), time);
    }
}
