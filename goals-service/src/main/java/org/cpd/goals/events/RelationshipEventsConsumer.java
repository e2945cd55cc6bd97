package org.cpd.goals.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.commons.events.inbox.RebuildableReadModel;
import org.cpd.contracts.relationships.ParticipantData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.goals.domain.RelationshipView;
import org.cpd.goals.repository.RelationshipReadModel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps who supports whom from {@code cpd.relationships.events}: every relationship lifecycle event
 * carries the relationship's status and participants, and the newest one wins. Agreements,
 * conversations and referrals decide nothing about access here and are not routed. Rebuildable from
 * the topic's start (docs/events.md, Rebuilding a read model).
 */
@ApplicationScoped
public class RelationshipEventsConsumer implements RebuildableReadModel {

    /** The inbox name: kept so the rows of events applied before stay valid. */
    static final String CONSUMER = "goals";
    private static final Logger LOG = Logger.getLogger(RelationshipEventsConsumer.class);

    /** The types whose data is the relationship's whole state. */
    static final List<String> SNAPSHOTS = List.of(RelationshipEvents.PROPOSED, RelationshipEvents.ACCEPTED,
            RelationshipEvents.ACTIVATED, RelationshipEvents.PAUSED, RelationshipEvents.RESUMED,
            RelationshipEvents.CLOSED, RelationshipEvents.DECLINED, RelationshipEvents.WITHDRAWN,
            RelationshipEvents.EXPIRED, RelationshipEvents.PROPOSAL_REMINDER);

    @Inject
    EventConsumer consumer;

    @Inject
    RelationshipReadModel readModel;

    private final EventRoutes routes = EventRoutes.of(CONSUMER).on(SNAPSHOTS, RelationshipData.class, this::apply)
            .rebuildableFrom(RelationshipEvents.TOPIC, () -> readModel.clear());

    @Incoming("relationships-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    void apply(RelationshipData data, IncomingEvent event) {
        if (data.relationshipId() == null || data.status() == null) {
            LOG.warnf("Ignoring %s %s: no relationship id or status", event.type(), event.id());
            return;
        }
        Set<RelationshipView.Member> members = (data.participants() == null ? List.<ParticipantData>of()
                : data.participants()).stream()
                .filter(p -> p.practitionerId() != null)
                .map(p -> new RelationshipView.Member(p.practitionerId(), p.role() == null ? "UNKNOWN" : p.role()))
                .collect(Collectors.toSet());
        Instant time = event.time() == null ? Instant.now() : event.time().toInstant();
        RelationshipView view = readModel.find(data.relationshipId()).orElseGet(() -> RelationshipView.of(data.relationshipId()));
        if (view.apply(data.form(), data.status(), members, data.activatedAt(), data.endedAt(), time)) {
            view.persist();
        }
    }
}
