package org.cpd.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Supporter search and matching. */
@ConfigMapping(prefix = "cpd.matching")
public interface MatchingConfig {

    /** How long another instance's changes may take to show in matching (local changes show at once). */
    @WithDefault("PT30S")
    Duration cacheTtl();
}
