package org.cpd.directory.domain;

/** Where a webhook delivery stands: waiting to be sent (again), received with a 2xx, or given up after the last retry. */
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED
}
