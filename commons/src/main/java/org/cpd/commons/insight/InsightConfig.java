package org.cpd.commons.insight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The insight views: small-number suppression (ADR 0041) and the views kept ({@link InsightViews}). */
@ConfigMapping(prefix = "cpd.insight")
public interface InsightConfig {

    /** Counts below it are published as suppressed. */
    @WithDefault("" + Suppression.DEFAULT_THRESHOLD)
    int suppressionThreshold();

    /** How long a computed view is answered again. */
    @WithDefault("PT1M")
    Duration maxAge();

    /** Views kept at the most. */
    @WithDefault("1000")
    long keptViews();
}
