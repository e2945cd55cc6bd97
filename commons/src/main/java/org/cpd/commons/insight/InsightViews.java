package org.cpd.commons.insight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The computed insight views of a service, each kept for at most {@code cpd.insight.max-age} (one
 * minute by default; docs/adr/0041-insight-small-number-suppression.md, "Freshness"). A view
 * aggregates every relationship or goal in its scope, which costs hundreds of milliseconds over a
 * large partnership; its readers compare schools and terms, so figures a minute old serve them, and
 * the view says when it was computed. Concurrent requests for one view wait for one computation.
 * Access is checked before a view is asked for, so a kept view never reaches someone who may not
 * see it.
 */
@ApplicationScoped
public class InsightViews {

    private final Cache<Object, Object> views;

    @Inject
    public InsightViews(InsightConfig config) {
        this(config.maxAge(), config.keptViews(), Ticker.systemTicker());
    }

    InsightViews(Duration maxAge, long keptViews, Ticker ticker) {
        this.views = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(keptViews).ticker(ticker).build();
    }

    /**
     * The view of {@code scope} (a value with equals and hashCode naming every filter), computed by
     * {@code compute} in the caller's thread and transaction when none is kept or the kept one is too old.
     */
    @SuppressWarnings("unchecked")
    public <V> V of(Object scope, Supplier<V> compute) {
        return (V) views.get(scope, s -> compute.get());
    }
}
