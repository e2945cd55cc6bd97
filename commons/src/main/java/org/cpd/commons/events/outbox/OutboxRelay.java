package org.cpd.commons.events.outbox;

import org.cpd.commons.events.EventsConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.cpd.commons.events.Messages;
import org.cpd.commons.persistence.TrackedEntity;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows as CloudEvents (binary mode, key = aggregate id) in sequence order, as soon
 * as the transaction that wrote them commits (a transaction observer wakes it), and on a poll as
 * the fallback (rows left by a broker outage, a crash between commit and wake-up, another replica).
 * One relay works at a time across replicas (a transaction-scoped advisory lock), so order per
 * aggregate holds. A row is marked published only after the broker acknowledged it and every row
 * before it; when Kafka is down the rows stay and the next run retries them. Delivery is
 * therefore at least once: consumers drop duplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x0C0D_0E0F_0001L;
    private static final int LOCKED_ELSEWHERE = -1;
    private static final int MAX_LOCK_RETRIES = 20;
    private static final Duration LOCK_RETRY = Duration.ofMillis(50);

    @Inject
    EntityManager em;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    Emitter<String> emitter;

    @Inject
    EventsConfig events;

    @Inject
    OutboxConfig config;

    private final Counter published;
    private final Counter failures;
    /** One thread publishes: runs never overlap in this JVM, so order holds without waiting on the lock. */
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    @Inject
    Arming arming;
    private int lockMisses; // relay thread only

    @Inject
    public OutboxRelay(MeterRegistry registry) {
        published = registry.counter("cpd.outbox.published");
        failures = registry.counter("cpd.outbox.failures");
    }

    /**
     * Arms the relay once the messaging channels are wired (their start-up observer runs first) and
     * have had the start-up delay to connect; then drains what an earlier run left.
     */
    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            worker.schedule(() -> {
                arming.armed = true;
                wake();
            }, config.startDelay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The fallback: rows left by a broker outage, a crash between commit and wake-up, or another replica. Skipped
     * until the relay is armed, so a slow start never makes the scheduler create the relay before its emitter can be
     * injected (an error logged with its stack trace otherwise).
     */
    @Scheduled(every = "${cpd.outbox.poll-interval:1s}", delayed = "${cpd.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Arming.NotYet.class)
    void poll() {
        if (config.enabled() && arming.armed) {
            wake();
        }
    }

    /**
     * The fast path: a transaction that wrote outbox rows has committed, so publish them now. Runs
     * on the committing thread, so it only hands the work to the relay's own thread.
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxEventWritten written) {
        if (config.enabled() && arming.armed) {
            wake();
        }
    }

    /**
     * Queues one drain on the relay thread unless one is already queued: wake-ups that arrive while a
     * drain runs coalesce into one more drain, and every run is serialised on one thread, so a
     * wake-up is never lost to a run of this JVM that read its batch before the row committed.
     */
    void wake() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drainQueued.set(false); // shutting down
            }
        }
    }

    /**
     * Disarms the relay when the application begins to stop, while the database and the broker are still there:
     * no new drain starts, and one already running may finish its batch (bounded by the send timeout). Without it the
     * poll kept waking the relay after Hibernate had closed, which logged a failed retry every second of the shutdown.
     */
    void onStop(@Observes ShutdownEvent stop) {
        arming.armed = false;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Outbox relay still sending at shutdown; its batch stays in the outbox for the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void drain() {
        drainQueued.set(false);
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent > 0); // rows committed meanwhile are taken by the same drain
            if (sent == LOCKED_ELSEWHERE) {
                retryWhileAnotherRelayWorks();
            } else {
                lockMisses = 0;
            }
        } catch (RuntimeException e) {
            failures.increment();
            LOG.warnf("Outbox relay will retry: %s", e.getMessage());
        }
    }

    /**
     * Another replica holds the lock and may have read its batch before our row committed: look
     * again shortly, a bounded number of times; the poll remains the fallback.
     */
    private void retryWhileAnotherRelayWorks() {
        if (++lockMisses <= MAX_LOCK_RETRIES) {
            worker.schedule(this::wake, LOCK_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            lockMisses = 0;
        }
    }

    /** Published rows are kept a while for audit and replays, then removed. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetPublished() {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery(
                        "delete from OutboxEvent e where e.publishedAt < :before")
                .setParameter("before", java.time.Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    /** Returns how many rows were published, or {@link #LOCKED_ELSEWHERE}. */
    int relayBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return LOCKED_ELSEWHERE;
        }
        List<OutboxEvent> batch = em.createQuery(
                        "from OutboxEvent e where e.publishedAt is null order by e.sequence", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        int done = 0;
        try {
            for (CompletableFuture<Void> ack : acks) {
                ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                done++;
            }
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("Outbox: %d of %d events sent; the rest wait for the broker (%s)", done, batch.size(), rootMessage(e));
        }
        var now = TrackedEntity.now();
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            if (i < done) {
                event.publishedAt = now;
            } else {
                event.attempts++;
            }
        }
        published.increment(done);
        return done == batch.size() ? done : 0;
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        if (event.traceParent != null) {
            headers.add("traceparent", event.traceParent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withSource(URI.create(events.source()))
                .withType(event.eventType)
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(java.time.ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .withHeaders(headers)
                .build();
        Message<String> message = Messages.completing(ack, event.payload, Metadata.of(cloudEvent, kafka));
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Messages.rootCause(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Whether the relay is armed, kept apart from the relay so that asking does not create it (no client proxy). */
    @Singleton
    static class Arming {

        volatile boolean armed;

        @Singleton
        static class NotYet implements Scheduled.SkipPredicate {

            @Inject
            Arming arming;

            @Override
            public boolean test(ScheduledExecution execution) {
                return !arming.armed;
            }
        }
    }
}
