package org.cpd.commons.events.outbox;

/**
 * Fired by {@link Outbox} for each row it writes; the relay observes it after the transaction
 * commits and publishes at once instead of waiting for its next poll.
 */
public record OutboxEventWritten(long sequence) {
}
