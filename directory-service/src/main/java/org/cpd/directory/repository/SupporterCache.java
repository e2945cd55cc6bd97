package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.cpd.directory.config.MatchingConfig;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupporterCandidate;

/**
 * Matching candidates per (partnerships, form), kept between requests: matching reads thousands of rows
 * per call, and they change far less often than they are read. Every local change that affects them
 * (offers, practitioners, links, load) drops the cache once its transaction commits, so this instance never
 * serves what it knows to be stale; changes made by another instance are picked up within the time to live (30 s by default), refreshed
 * by one request while the others go on with the previous list.
 */
@ApplicationScoped
public class SupporterCache {

    record Key(Set<UUID> partnerships, SupportForm form) {
    }

    record Entry(long generation, long loadedAt, List<SupporterCandidate> rows) {
    }

    /** Marks a transaction that already drops the cache when it commits. */
    private static final Object INVALIDATES = new Object();

    @Inject
    MatchingConfig config;

    @Inject
    SupporterQueries queries;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong generation = new AtomicLong();
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, Object> locks = new ConcurrentHashMap<>();
    private final Set<Key> refreshing = ConcurrentHashMap.newKeySet();

    public List<SupporterCandidate> candidates(Set<UUID> partnerships, SupportForm form) {
        Key key = new Key(new TreeSet<>(partnerships), form);
        Entry entry = entries.get(key);
        long current = generation.get();
        if (entry != null && entry.generation() == current) {
            if (System.nanoTime() - entry.loadedAt() < config.cacheTtl().toNanos()) {
                return entry.rows();
            }
            // Only aged (possibly changed elsewhere): one caller refreshes, the others keep using it meanwhile.
            Object lock = locks.computeIfAbsent(key, k -> new Object());
            if (!refreshing.add(key)) {
                return entry.rows();
            }
            try {
                synchronized (lock) {
                    return load(key, current);
                }
            } finally {
                refreshing.remove(key);
            }
        }
        // Missing or invalidated by a local change: wait for one load rather than serve what is known stale.
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Entry again = entries.get(key);
            if (again != null && again.generation() == generation.get()) {
                return again.rows();
            }
            return load(key, generation.get());
        }
    }

    private List<SupporterCandidate> load(Key key, long generationBefore) {
        long now = System.nanoTime();
        List<SupporterCandidate> rows = List.copyOf(queries.find(new SupporterQueries.Filter(key.form(), null, null, null, null,
                key.partnerships(), null, false, null), null, null, 0));
        // Tagged with the generation read before loading: a change committed meanwhile makes it stale at once.
        entries.put(key, new Entry(generationBefore, now, rows));
        return rows;
    }

    /**
     * Drops every cached candidate list when the current transaction commits (at once if there is none).
     * Registered once per transaction: a bulk load publishes thousands of changes in one.
     */
    public void invalidateAfterCommit() {
        if (transactions.getTransactionKey() == null) {
            invalidate();
            return;
        }
        if (transactions.getResource(INVALIDATES) != null) {
            return;
        }
        transactions.putResource(INVALIDATES, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidate();
                }
            }
        });
    }

    private void invalidate() {
        generation.incrementAndGet();
    }
}
