package org.cpd.relationships.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.commons.events.inbox.RebuildableReadModel;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.PractitionerDataV1;
import org.cpd.contracts.directory.PractitionerMergedData;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.cpd.contracts.directory.SupportOfferData;
import org.cpd.relationships.domain.Erasure;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.cpd.relationships.repository.ErasureQueries;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the directory read model (practitioners, line management, capacity) from
 * {@code cpd.directory.events}, on the shared consumer skeleton (inbox dedupe in the same
 * transaction as the effect, unreadable records to its dead-letter topic); rebuildable from the
 * topic's start (docs/events.md, Rebuilding a read model).
 */
@ApplicationScoped
public class DirectoryEventsConsumer implements RebuildableReadModel {

    /** The inbox name this consumer has always used: existing inbox rows stay valid. */
    static final String CONSUMER = "relationships";
    private static final Logger LOG = Logger.getLogger(DirectoryEventsConsumer.class);

    @Inject
    EventConsumer consumer;

    @Inject
    DirectoryReadModel readModel;

    @Inject
    ErasureQueries erasures;

    @Inject
    AuditLog audit;

    private final EventRoutes routes = EventRoutes.of(CONSUMER)
            .on(List.of(DirectoryEvents.PRACTITIONER_REGISTERED, DirectoryEvents.PRACTITIONER_UPDATED,
                    DirectoryEvents.LINE_MANAGEMENT_CHANGED), PractitionerData.class, (d, e) -> practitioner(d, null))
            .on(DirectoryEvents.PRACTITIONER_DEACTIVATED, PractitionerData.class, (d, e) -> practitioner(d, false))
            .on(DirectoryEvents.PRACTITIONER_MERGED, PractitionerMergedData.class, (d, e) -> readModel.merged(d))
            // the .v1 types (with the full name) are no longer published but stay in the topic's history
            .on(List.of(DirectoryEvents.PRACTITIONER_REGISTERED_V1, DirectoryEvents.PRACTITIONER_UPDATED_V1,
                    DirectoryEvents.LINE_MANAGEMENT_CHANGED_V1), PractitionerDataV1.class,
                    (d, e) -> practitioner(d.withoutName(), null))
            .on(DirectoryEvents.PRACTITIONER_DEACTIVATED_V1, PractitionerDataV1.class,
                    (d, e) -> practitioner(d.withoutName(), false))
            .on(List.of(DirectoryEvents.SUPPORT_OFFER_PUBLISHED, DirectoryEvents.SUPPORT_OFFER_CHANGED,
                    DirectoryEvents.SUPPORT_OFFER_PAUSED, DirectoryEvents.SUPPORT_OFFER_RESUMED,
                    DirectoryEvents.CAPACITY_CHANGED), SupportOfferData.class, (d, e) -> capacity(d))
            .on(DirectoryEvents.PRACTITIONER_ERASED, PractitionerErasedData.class, (d, e) -> erase(d))
            .rebuildableFrom(DirectoryEvents.TOPIC, () -> readModel.clear());

    /** A request context for the audit log (an erasure is audited; the log reads the caller, here nobody). */
    @Incoming("directory-events")
    @Blocking
    @ActivateRequestContext
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }

    @Override
    public EventRoutes routes() {
        return routes;
    }

    private void practitioner(PractitionerData data, Boolean forceActive) {
        readModel.upsert(data, forceActive);
    }

    /**
     * Erasure (docs/adr/0043-erasure.md), in the consumer's one transaction with the inbox row: the free text of every
     * relationship the person took part in cleared, the local record written, the erasure audited. The person's id
     * stays on the relationships (anonymised in the directory, it names nobody) so statistics still count them.
     * An erasure already applied (a replay, a rebuild) changes nothing.
     */
    private void erase(PractitionerErasedData data) {
        if (data.practitionerId() == null || Erasure.findById(data.practitionerId()) != null) {
            return;
        }
        Instant now = TrackedEntity.now();
        List<UUID> relationships = erasures.relationshipsOf(data.practitionerId());
        Erasure erasure = new Erasure();
        erasure.recordOf(data, now);
        erasure.relationships = relationships.size();
        erasure.conversations = erasures.clearFreeText(relationships, now);
        erasure.persist();
        audit.entry("erase", "practitioner", data.practitionerId()).about(data.practitionerId(), erasure.partnerships())
                .because("erasure request").details(erasure.relationships + " relationships reduced to statistics, "
                        + erasure.conversations + " conversations' notes and summaries cleared")
                .record();
    }

    private void capacity(SupportOfferData offer) {
        if (offer.practitionerId() == null) {
            return;
        }
        Map<String, Integer> byForm = offer.capacityByForm() == null ? Map.of() : offer.capacityByForm();
        readModel.replaceCapacity(offer.practitionerId(), offer.paused(), byForm.entrySet().stream()
                .filter(e -> known(e.getKey()) && e.getValue() != null)
                .collect(Collectors.toMap(e -> SupportForm.valueOf(e.getKey()), e -> Math.max(0, e.getValue()))));
    }

    private static boolean known(String form) {
        try {
            SupportForm.valueOf(form);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Ignoring capacity for unknown form %s", form);
            return false;
        }
    }
}
