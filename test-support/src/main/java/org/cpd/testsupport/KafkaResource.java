package org.cpd.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real Kafka broker (KRaft, in the test JVM, no container), started once per test JVM. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static KafkaCompanion companion;

    @Override
    public synchronized Map<String, String> start() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(0)
                    .withKafkaPort(freePort())
                    .withControllerPort(freePort())
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("auto.create.topics.enable", "true");
                        p.put("num.partitions", "3");
                        p.put("group.initial.rebalance.delay.ms", "0");
                        p.put("offsets.topic.num.partitions", "1");
                        // the broker shares the test JVM's heap: its log cleaner would otherwise hold a 128 MB buffer
                        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 << 20));
                    })
                    .start();
            companion = new KafkaCompanion(bootstrapServers());
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    public static String bootstrapServers() {
        return broker.getAdvertisedListeners();
    }

    /** Produces and consumes records on the real broker in tests. */
    public static KafkaCompanion companion() {
        return companion;
    }

    @Override
    public synchronized void stop() {
        if (companion != null) {
            companion.close();
            companion = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
