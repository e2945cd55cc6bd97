package org.cpd.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** One sending of a webhook delivery: when, what the receiver answered (or why nothing came back), and how long it took. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends TrackedEntity {

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;
}
