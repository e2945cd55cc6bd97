package org.cpd.commons.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one {@link Suppression} of a service, at the threshold it is configured with (ADR 0041). */
@ApplicationScoped
public class SuppressionConfig {

    @Produces
    @Singleton
    Suppression suppression(@ConfigProperty(name = "cpd.insight.suppression-threshold",
            defaultValue = "" + Suppression.DEFAULT_THRESHOLD) int threshold) {
        return new Suppression(threshold);
    }
}
