package org.cpd.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks (docs/integrations.md#webhooks, docs/adr/0018-webhooks.md). */
@ConfigMapping(prefix = "cpd.webhooks")
public interface WebhooksConfig {

    /**
     * Hosts a webhook may name although they resolve to a non-public address, with http too (a receiver inside the
     * deployment's own network, or a test's local receiver). Compared without case, exactly as the URL names them.
     */
    Optional<List<String>> allowedHosts();

    /** Whether this replica sends due deliveries (every replica may: they never send the same delivery at once). */
    @WithDefault("true")
    boolean dispatchEnabled();

    /**
     * Deliveries this replica sends at the same time at most, each to a different subscription (a slow receiver holds
     * back only its own deliveries).
     */
    @WithDefault("4")
    int dispatchConcurrency();

    /** Deliveries one worker of the dispatcher sends before it leaves the rest to the next run. */
    @WithDefault("50")
    int dispatchBatch();

    /** The waits after the first, second, ... failed attempt; the last one repeats. */
    @WithDefault("PT5S,PT30S,PT2M,PT10M,PT1H,PT6H")
    List<Duration> retrySchedule();

    /** Attempts after which a delivery has FAILED (a replay starts a new round). */
    @WithDefault("8")
    int maxAttempts();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("PT24H")
    Duration secretGracePeriod();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long the receiver has to answer, once connected. */
    @WithDefault("PT10S")
    Duration readTimeout();

    /** How often the dispatcher looks for due deliveries (read by its schedule). */
    @WithDefault("2s")
    String dispatchEvery();

    /** How long after start the dispatcher first runs (read by its schedule). */
    @WithDefault("5s")
    String startDelay();

    default List<String> hosts() {
        return allowedHosts().orElse(List.of());
    }
}
