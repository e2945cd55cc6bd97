package org.cpd.commons.events.inbox;

import org.cpd.commons.events.EventsConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Builds a read model again from its topic's start: empties it and its consumer's inbox, replays every
 * record up to the topic's end as it was when the rebuild began, through the same routes as the live
 * consumer, then lets the live consumer go on.
 *
 * <p>The live consumer and a rebuild exclude each other through one PostgreSQL advisory lock per
 * consumer: each live record takes it shared in its transaction ({@link EventConsumer}), the rebuild
 * holds it exclusively from the clearing to the last replayed record. So the live consumer waits while
 * a rebuild runs, and afterwards finds what the replay covered already in its inbox (skipped as
 * duplicates) and applies only what is newer: the end state is the live one.
 *
 * <p>Run by operators as a documented command: start the service with
 * {@code CPD_EVENTS_REBUILD_ON_START=<consumer>} (docs/events.md, Rebuilding a read model).
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** What one rebuild did. */
    public record Report(String consumer, String topic, long records, Map<EventConsumer.Outcome, Long> outcomes, Duration took) {
    }

    @Inject
    EventConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Instance<RebuildableReadModel> readModels;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventsConfig events;

    void onStart(@Observes StartupEvent start) {
        events.rebuildOnStart().ifPresent(names -> names.forEach(name -> {
            Report report = rebuild(name);
            LOG.infof("Rebuilt the read model of %s from %s: %d records (%s) in %d ms", report.consumer(), report.topic(),
                    report.records(), report.outcomes(), report.took().toMillis());
        }));
    }

    /** Rebuilds the read model of the consumer named {@code consumer}. */
    public Report rebuild(String consumerName) {
        EventRoutes routes = readModels.stream().map(RebuildableReadModel::routes)
                .filter(r -> r.consumer().equals(consumerName) && r.rebuildTopic().isPresent()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No rebuildable read model for consumer " + consumerName));
        return rebuild(routes);
    }

    private Report rebuild(EventRoutes routes) {
        String topic = routes.rebuildTopic().orElseThrow();
        long started = System.nanoTime();
        Map<EventConsumer.Outcome, Long> outcomes = new EnumMap<>(EventConsumer.Outcome.class);
        long records = 0;
        try (Connection lock = dataSource.getConnection()) {
            advisory(lock, "select pg_advisory_lock(hashtext(?))", routes.consumer());
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    routes.clearReadModel();
                    em.createNativeQuery("delete from inbox_event where consumer = ?1")
                            .setParameter(1, routes.consumer()).executeUpdate();
                });
                try (KafkaConsumer<String, String> replay = replayConsumer()) {
                    List<TopicPartition> partitions = replay.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    replay.assign(partitions);
                    replay.seekToBeginning(partitions);
                    Map<TopicPartition, Long> end = replay.endOffsets(partitions);
                    while (partitions.stream().anyMatch(p -> replay.position(p) < end.get(p))) {
                        for (ConsumerRecord<String, String> record : replay.poll(Duration.ofMillis(500))) {
                            if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                                outcomes.merge(consumer.replay(record, routes), 1L, Long::sum);
                                records++;
                            }
                        }
                    }
                }
            } finally {
                advisory(lock, "select pg_advisory_unlock(hashtext(?))", routes.consumer());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the read model of " + routes.consumer() + " for its rebuild", e);
        }
        return new Report(routes.consumer(), topic, records, outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    private KafkaConsumer<String, String> replayConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static void advisory(Connection connection, String sql, String consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, consumer);
            statement.execute();
        }
    }
}
