package org.cpd.directory.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.directory.domain.WebhookEventScope;
import org.cpd.directory.domain.WebhookSubscription;
import org.cpd.directory.repository.WebhookQueries;
import org.jboss.logging.Logger;

/**
 * Writes one pending delivery per matching subscription, in the consumer's transaction (idempotent per event id and
 * subscription). A subscription matches when it is active, lists the event's type, was registered before the event
 * happened, and the event concerns its school or partnership ({@link WebhookEventScope}, {@link WebhookQueries#concerned}).
 * An event of a type no active subscription lists costs one query.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookQueries queries;

    void deliver(JsonNode data, IncomingEvent event) {
        if (!queries.anySubscribedTo(event.type())) {
            return; // most types have no subscriber: whom the event concerns is not worked out for nobody
        }
        WebhookQueries.Concerned concerned = queries.concerned(WebhookEventScope.of(event.type(), data));
        Instant happened = event.time() == null ? null : event.time().toInstant();
        String body = null;
        Instant now = TrackedEntity.now();
        for (WebhookSubscription subscription : queries.matching(event.type(), concerned)) {
            if (happened != null && happened.isBefore(subscription.createdAt)) {
                continue; // a subscription gets what happens after it was registered
            }
            if (body == null) {
                body = body(event, data);
            }
            if (queries.insertDelivery(UUID.randomUUID(), subscription.id, event.id(), event.type(), body, now)) {
                LOG.debugf("webhook delivery of %s (%s) to subscription %s", event.id(), event.type(), subscription.id);
            }
        }
    }

    /** The CloudEvent in structured JSON mode, as it is sent and signed. */
    static String body(IncomingEvent event, JsonNode data) {
        ObjectNode ce = JSON.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", event.id());
        ce.put("source", event.source());
        ce.put("type", event.type());
        if (event.time() != null) {
            ce.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time().toOffsetDateTime()));
        }
        if (event.subject() != null) {
            ce.put("subject", event.subject());
        }
        ce.put("datacontenttype", "application/json");
        ce.set("data", data);
        try {
            return JSON.writeValueAsString(ce);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the CloudEvent " + event.id(), e);
        }
    }
}
