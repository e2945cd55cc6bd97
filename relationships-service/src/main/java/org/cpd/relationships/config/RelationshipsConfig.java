package org.cpd.relationships.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The service's own settings ({@code cpd.relationships.*}). */
@ConfigMapping(prefix = "cpd.relationships")
public interface RelationshipsConfig {

    /** An unanswered proposal expires after this long. */
    @WithDefault("P14D")
    Duration proposalTtl();

    /** A reminder event goes out this long before a proposal expires. */
    @WithDefault("P3D")
    Duration proposalReminderBefore();

    /** How often the expiry and due-action sweeps run (also read by their {@code @Scheduled} expressions). */
    @WithDefault("5m")
    Duration sweepEvery();
}
