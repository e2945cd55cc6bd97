package org.cpd.commons.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The record each consumer is handling right now, and since when: a consumer whose record has been in
 * hand for too long (a blocked lock, an endless retry) is stuck, and readiness says so
 * ({@link StuckConsumerCheck}).
 */
@ApplicationScoped
public class ConsumerProgress {

    /** One record in hand. */
    public record InHand(String consumer, String topic, int partition, long offset, long sinceNanos) {
        public Duration heldFor(long nowNanos) {
            return Duration.ofNanos(nowNanos - sinceNanos);
        }
    }

    private final Map<String, InHand> inHand = new ConcurrentHashMap<>();

    void started(String consumer, ConsumerRecord<?, ?> record) {
        inHand.put(consumer, new InHand(consumer, record.topic(), record.partition(), record.offset(), System.nanoTime()));
    }

    void finished(String consumer) {
        inHand.remove(consumer);
    }

    /** Records held longer than {@code limit}, now. */
    public List<InHand> heldLongerThan(Duration limit) {
        long now = System.nanoTime();
        return inHand.values().stream().filter(h -> h.heldFor(now).compareTo(limit) > 0).toList();
    }
}
