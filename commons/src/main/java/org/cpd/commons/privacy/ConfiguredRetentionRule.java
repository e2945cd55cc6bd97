package org.cpd.commons.privacy;

import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A retention rule whose period is the service's configuration key {@code cpd.retention.<kind>}, with a default
 * when the key is not set. A rule that is no more than its two queries is made with {@link #of} by a producer of
 * the service's rules; a subclass names its kind and says what its period counts from and what a sweep does, and
 * adds only its queries ({@link #due} and {@link #apply}).
 */
public abstract class ConfiguredRetentionRule implements RetentionRule {

    /** What {@link RetentionRule#due} answers, as a query of the service's repository. */
    @FunctionalInterface
    public interface DueQuery {
        Due due(Set<UUID> partnerships, Instant cutoff);
    }

    /** What {@link RetentionRule#apply} does, as a query of the service's repository. */
    @FunctionalInterface
    public interface Sweep {
        Applied apply(Instant cutoff, Instant now, int limit);
    }

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

    /**
     * The rule of {@code kind} whose due items are {@code due} and whose sweep is {@code sweep}, its period read from
     * the configuration now; the other arguments are those of the constructor.
     */
    public static RetentionRule of(String kind, String defaultRetention, String countedFrom, String outcome,
            String resourceType, DueQuery due, Sweep sweep) {
        ConfiguredRetentionRule rule = new ConfiguredRetentionRule(kind, defaultRetention, countedFrom, outcome,
                resourceType) {
            @Override
            public Due due(Set<UUID> partnerships, Instant cutoff) {
                return due.due(partnerships, cutoff);
            }

            @Override
            public Applied apply(Instant cutoff, Instant now, int limit) {
                return sweep.apply(cutoff, now, limit);
            }
        };
        rule.readRetention();
        return rule;
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
