package org.cpd.commons.events.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What one consumer does with each event type it cares about: the payload record to read the data
 * as, and the handler to apply. Types without a route are facts the consumer does not need.
 */
public final class EventRoutes {

    /** Applies one event's data; runs in the consumer's transaction, after the inbox check. */
    @FunctionalInterface
    public interface Handler<T> {
        void apply(T data, IncomingEvent event);
    }

    record Route<T>(Class<T> dataType, Handler<T> handler) {
        void apply(Object data, IncomingEvent event) {
            handler.apply(dataType.cast(data), event);
        }
    }

    private final String consumer;
    private final Map<String, Route<?>> byType = new LinkedHashMap<>();
    private final Map<Predicate<String>, Route<?>> byPattern = new LinkedHashMap<>();

    private String rebuildTopic;
    private Runnable clearReadModel;

    private EventRoutes(String consumer) {
        this.consumer = consumer;
    }

    /** Routes for the consumer named {@code consumer} (its inbox and metrics use that name). */
    public static EventRoutes of(String consumer) {
        return new EventRoutes(consumer);
    }

    public <T> EventRoutes on(String type, Class<T> dataType, Handler<T> handler) {
        byType.put(type, new Route<>(dataType, handler));
        return this;
    }

    /** One handler for several types at once (e.g. every type a read model takes a snapshot from). */
    public <T> EventRoutes on(Iterable<String> types, Class<T> dataType, Handler<T> handler) {
        types.forEach(type -> on(type, dataType, handler));
        return this;
    }

    /** For a family of types named by a rule (e.g. every {@code relationship-*} type). */
    public <T> EventRoutes onMatching(Predicate<String> types, Class<T> dataType, Handler<T> handler) {
        byPattern.put(types, new Route<>(dataType, handler));
        return this;
    }

    /**
     * The read model these routes keep can be built again from {@code topic}'s start
     * ({@link ReadModelRebuild}); {@code clear} empties it, in the rebuild's transaction.
     */
    public EventRoutes rebuildableFrom(String topic, Runnable clear) {
        this.rebuildTopic = topic;
        this.clearReadModel = clear;
        return this;
    }

    public String consumer() {
        return consumer;
    }

    Optional<String> rebuildTopic() {
        return Optional.ofNullable(rebuildTopic);
    }

    void clearReadModel() {
        clearReadModel.run();
    }

    Optional<Route<?>> routeFor(String type) {
        Route<?> exact = byType.get(type);
        if (exact != null) {
            return Optional.of(exact);
        }
        return byPattern.entrySet().stream().filter(e -> e.getKey().test(type)).map(Map.Entry::getValue).findFirst();
    }
}
