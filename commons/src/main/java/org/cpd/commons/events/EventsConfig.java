package org.cpd.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the service publishes and consumes events (docs/events.md). */
@ConfigMapping(prefix = "cpd.events")
public interface EventsConfig {

    /** The CloudEvents source of every event the service publishes (a URI naming the service). */
    String source();

    /** The service's area: it publishes {@code cpd.<area>.<name>.v<n>} types only. */
    String area();

    /** How long a consumer waits for the broker to take a record it sends to its dead-letter topic. */
    @WithDefault("PT10S")
    Duration deadLetterTimeout();

    /** A consumer holding one record longer than this is reported by the readiness check. */
    @WithDefault("PT60S")
    Duration stuckAfter();

    /** Read models rebuilt from their topics when the service starts (by consumer name). */
    Optional<List<String>> rebuildOnStart();
}
