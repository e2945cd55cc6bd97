package org.cpd.directory.domain;

import jakarta.persistence.Column;
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

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookDeliveryStatus status = WebhookDeliveryStatus.PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "round_attempts", nullable = false)
    public int roundAttempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
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
