package org.cpd.commons.events.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The relay from the outbox to Kafka ({@link OutboxRelay}). */
@ConfigMapping(prefix = "cpd.outbox")
public interface OutboxConfig {

    /** Off: events stay in the outbox (tests that read it). */
    @WithDefault("true")
    boolean enabled();

    /** Events sent per run. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to take one event before it tries again later. */
    @WithDefault("PT15S")
    Duration sendTimeout();

    /**
     * How often the relay looks for events a write did not hand over at once. The scheduler reads it from the
     * relay's {@code @Scheduled} expression, whose fallback is this default.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long after start the relay begins, so the service is ready first. */
    @WithDefault("3s")
    Duration startDelay();

    /** How long published events are kept in the outbox. */
    @WithDefault("P7D")
    Duration retention();
}
