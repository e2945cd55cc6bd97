package org.cpd.commons.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one {@link Suppression} of a service, at the threshold it is configured with (ADR 0041). */
@ApplicationScoped
public class SuppressionConfig {

    @Produces
    @Singleton
    Suppression suppression(InsightConfig config) {
        return new Suppression(config.suppressionThreshold());
    }
}
