package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** One sending of a webhook delivery: when, what the receiver answered (or why nothing came back), and how long it took. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends TrackedEntity {

    public UUID deliveryId;

    public Instant attemptedAt;

    public Integer statusCode;

    public String error;

    public long durationMs;
}
