package org.cpd.relationships.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.commons.events.inbox.Inbox;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.relationships.domain.Form;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the directory read model (practitioners, line management, capacity) from
 * {@code cpd.directory.events}. Idempotent: the event id is recorded in the same transaction as
 * its effect, so a redelivery changes nothing.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    static final String CONSUMER = "relationships";
    private static final Logger LOG = Logger.getLogger(DirectoryEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    ReadModel readModel;

    @Incoming("directory-events")
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
        switch (event.type()) {
            case DirectoryEvents.PRACTITIONER_REGISTERED, DirectoryEvents.PRACTITIONER_UPDATED,
                 DirectoryEvents.LINE_MANAGEMENT_CHANGED -> readModel.upsert(data(event, PractitionerData.class), null);
            case DirectoryEvents.PRACTITIONER_DEACTIVATED -> readModel.upsert(data(event, PractitionerData.class), false);
            case DirectoryEvents.SUPPORT_OFFER_PUBLISHED, DirectoryEvents.SUPPORT_OFFER_CHANGED,
                 DirectoryEvents.SUPPORT_OFFER_PAUSED, DirectoryEvents.SUPPORT_OFFER_RESUMED,
                 DirectoryEvents.CAPACITY_CHANGED -> capacity(data(event, SupportOfferData.class));
            default -> LOG.tracef("Ignoring %s", event.type()); // facts this service does not need
        }
    }

    private void capacity(SupportOfferData offer) {
        if (offer == null || offer.practitionerId() == null) {
            return;
        }
        Map<String, Integer> byForm = offer.capacityByForm() == null ? Map.of() : offer.capacityByForm();
        readModel.replaceCapacity(offer.practitionerId(), offer.paused(), byForm.entrySet().stream()
                .filter(e -> known(e.getKey()) && e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(e -> Form.valueOf(e.getKey()), e -> Math.max(0, e.getValue()))));
    }

    private static boolean known(String form) {
        try {
            Form.valueOf(form);
            return true;
        } catch (IllegalArgumentException e) {
            LOG.warnf("Ignoring capacity for unknown form %s", form);
            return false;
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

    static UUID[] array(Set<UUID> ids) {
        return ids == null ? new UUID[0] : ids.stream().sorted().toArray(UUID[]::new);
    }
}
