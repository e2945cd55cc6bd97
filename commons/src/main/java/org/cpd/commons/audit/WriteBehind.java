package org.cpd.commons.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A bounded queue written in batches by one background thread every {@code interval}, that loses nothing:
 * a full queue (or one that has stopped) writes the item at once on the caller's thread instead of dropping
 * it; a batch that fails to write is kept and tried again; {@link #stop()} writes everything still queued.
 * Batches are written one at a time (the worker, {@link #flush()} and {@link #stop()} take turns), in the
 * order the items were offered.
 */
final class WriteBehind<T> {

    private static final Logger LOG = Logger.getLogger(WriteBehind.class);

    private final BlockingQueue<T> queue;
    private final int batchSize;
    private final Consumer<List<T>> writer;
    private final ScheduledExecutorService worker;
    private final ReentrantLock writing = new ReentrantLock();
    /** Taken from the queue and not yet written (a failed batch waits here). Guarded by {@link #writing}. */
    private final List<T> pending = new ArrayList<>();
    private volatile boolean stopped;

    /**
     * @param writer writes one batch, in the order given, or throws (the batch is then kept)
     */
    WriteBehind(String name, int capacity, int batchSize, Duration interval, Consumer<List<T>> writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.writer = writer;
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        worker.scheduleWithFixedDelay(this::flushInBackground, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues the item; returns false when it was written at once instead (the queue was full, or has stopped).
     * A failure of that immediate write reaches the caller: the item is never silently dropped.
     */
    boolean offer(T item) {
        if (!stopped && queue.offer(item)) {
            return true;
        }
        writer.accept(List.of(item));
        return false;
    }

    /** Writes everything offered before this call; returns once it is written (or throws). */
    void flush() {
        writing.lock();
        try {
            while (true) {
                if (pending.isEmpty()) {
                    queue.drainTo(pending, batchSize);
                }
                if (pending.isEmpty()) {
                    return;
                }
                writer.accept(List.copyOf(pending));
                pending.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    /**
     * Stops the worker and writes what is still queued; items offered from now on are written at once.
     * Call it while what the writer needs (the datasource) is still open.
     */
    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The audit writer's last batch did not finish in 30 s; writing the rest now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    int queued() {
        writing.lock();
        try {
            return queue.size() + pending.size();
        } finally {
            writing.unlock();
        }
    }

    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("Audit entries will be written on the next attempt (%d waiting): %s", queued(), e.getMessage());
        }
    }
}
