package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A receiver registered for a partnership or a school, and the event types it wants (docs/adr/0018-webhooks.md).
 * Exactly one of {@link #partnershipId} and {@link #schoolUrn} is set. The secret is never shown after creation.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends TrackedEntity {

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] eventTypes = new String[0];

    public UUID partnershipId;

    public String schoolUrn;

    public String description;

    public boolean active = true;

    public String createdBy;

    public String secret;

    public String previousSecret;

    public Instant previousSecretUntil;

    public List<String> eventTypeList() {
        return List.copyOf(Arrays.asList(eventTypes));
    }

    public boolean wants(String type) {
        return Arrays.asList(eventTypes).contains(type);
    }

    /** The secrets a message signed at {@code now} is signed with: the current one, and the previous one in its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** A new secret signs from now on; the old one too until {@code graceUntil}. */
    public void rotate(String newSecret, Instant graceUntil) {
        previousSecret = secret;
        previousSecretUntil = graceUntil;
        secret = newSecret;
    }
}
