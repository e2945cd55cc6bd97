package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.directory.repository.WebhookQueries;

/**
 * Retention of webhook deliveries (docs/data-protection.md): a delivery that is no longer pending (delivered, or failed
 * after its last retry) is deleted with its body and attempts 90 days after its last change. A pending one is never due.
 */
@ApplicationScoped
public class WebhookDeliveriesRetention extends ConfiguredRetentionRule {

    @Inject
    WebhookQueries queries;

    public WebhookDeliveriesRetention() {
        super("webhook-deliveries", "P90D",
                "the delivery's last attempt or replay",
                "the delivery, the event body it held and its attempts deleted; the subscription kept",
                "webhook");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.finishedIn(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.removeFinished(cutoff, limit);
    }
}
