package org.cpd.commons.privacy;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A retention rule whose period is the service's configuration key {@code cpd.retention.<kind>}, with a default
 * when the key is not set. A subclass names its kind and says what its period counts from and what a sweep does;
 * it adds only its queries ({@link #due} and {@link #apply}).
 */
public abstract class ConfiguredRetentionRule implements RetentionRule {

    private final String kind;
    private final Duration defaultRetention;
    private final String countedFrom;
    private final String outcome;
    private final String resourceType;
    private Duration retention;

    /** The arguments are those of {@link RetentionRule.Policy}; {@code defaultRetention} is ISO-8601, e.g. {@code P365D}. */
    protected ConfiguredRetentionRule(String kind, String defaultRetention, String countedFrom, String outcome,
            String resourceType) {
        this.kind = kind;
        this.defaultRetention = Duration.parse(defaultRetention);
        this.countedFrom = countedFrom;
        this.outcome = outcome;
        this.resourceType = resourceType;
    }

    @PostConstruct
    void readRetention() {
        retention = ConfigProvider.getConfig().getOptionalValue("cpd.retention." + kind, Duration.class)
                .orElse(defaultRetention);
    }

    @Override
    public Policy policy() {
        return new Policy(kind, retention, countedFrom, outcome, resourceType);
    }
}
