package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * One event to send to one subscription (unique per event id and subscription): the CloudEvent body exactly as sent,
 * and where its sending stands. Its id is the message's {@code webhook-id}, the same on every retry and replay.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends TrackedEntity {

    public UUID subscriptionId;

    public String eventId;

    public String eventType;

    public String body;

    @Enumerated(EnumType.STRING)
    public WebhookDeliveryStatus status = WebhookDeliveryStatus.PENDING;

    public int attempts;

    public int roundAttempts;

    public Instant nextAttemptAt;

    public Integer lastStatus;

    public String lastError;

    public Instant deliveredAt;

    /** The Standard Webhooks message id. */
    public String webhookId() {
        return "msg_" + id;
    }

    /** What one attempt answered: a 2xx delivers it; anything else waits for the next retry, or fails after the last. */
    public void attempted(Integer statusCode, String error, Instant at, WebhookRetrySchedule schedule) {
        attempts++;
        roundAttempts++;
        lastStatus = statusCode;
        lastError = error;
        if (statusCode != null && statusCode >= 200 && statusCode < 300) {
            status = WebhookDeliveryStatus.DELIVERED;
            deliveredAt = at;
            nextAttemptAt = null;
            return;
        }
        var delay = schedule.delayAfter(roundAttempts);
        if (delay.isEmpty()) {
            status = WebhookDeliveryStatus.FAILED;
            nextAttemptAt = null;
        } else {
            status = WebhookDeliveryStatus.PENDING;
            nextAttemptAt = at.plus(delay.get());
        }
    }

    /** Sent again as soon as the dispatcher runs, with a fresh retry schedule; the message id stays. */
    public void replay(Instant now) {
        status = WebhookDeliveryStatus.PENDING;
        roundAttempts = 0;
        nextAttemptAt = now;
    }
}
