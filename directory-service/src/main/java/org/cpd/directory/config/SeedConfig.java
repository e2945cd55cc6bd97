package org.cpd.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for the local stack and the benchmark (CPD_SEED_ENABLED). */
@ConfigMapping(prefix = "cpd.seed")
public interface SeedConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("2000")
    int practitioners();

    @WithDefault("20")
    int schools();
}
