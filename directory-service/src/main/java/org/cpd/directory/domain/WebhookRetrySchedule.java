package org.cpd.directory.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: after the n-th failed attempt, the n-th delay of the schedule; after
 * {@code maxAttempts} attempts it has failed for good.
 */
public record WebhookRetrySchedule(List<Duration> delays, int maxAttempts) {

    public WebhookRetrySchedule {
        if (delays.isEmpty() || maxAttempts < 1) {
            throw new IllegalArgumentException("A retry schedule has at least one delay and one attempt");
        }
        delays = List.copyOf(delays);
    }

    /** The wait after {@code failedAttempts} failures; empty when no attempt is left. The last delay repeats. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(delays.get(Math.min(failedAttempts, delays.size()) - 1));
    }
}
