package org.cpd.commons.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InsightViewsTest {

    record Scope(String partnership, String school) {
    }

    final AtomicLong nanos = new AtomicLong();
    final InsightViews views = new InsightViews(Duration.ofMinutes(1), 100, nanos::get);
    final AtomicInteger computed = new AtomicInteger();

    String compute(Scope scope) {
        return scope + " #" + computed.incrementAndGet();
    }

    @Test
    void aViewIsKeptForItsMaxAgeAndThenComputedAgain() {
        Scope scope = new Scope("p1", null);
        assertEquals("Scope[partnership=p1, school=null] #1", views.of(scope, () -> compute(scope)));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertEquals("Scope[partnership=p1, school=null] #1", views.of(new Scope("p1", null), () -> compute(scope)));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertEquals("Scope[partnership=p1, school=null] #2", views.of(scope, () -> compute(scope)));
    }

    @Test
    void eachFilterIsAViewOfItsOwn() {
        Scope all = new Scope("p1", null);
        Scope school = new Scope("p1", "100001");
        views.of(all, () -> compute(all));
        assertEquals("Scope[partnership=p1, school=100001] #2", views.of(school, () -> compute(school)));
        assertEquals(2, computed.get());
    }

    @Test
    void aFailedComputationKeepsNothing() {
        Scope scope = new Scope("p1", null);
        assertThrows(IllegalStateException.class, () -> views.of(scope, () -> {
            throw new IllegalStateException("database gone");
        }));
        assertEquals("Scope[partnership=p1, school=null] #1", views.of(scope, () -> compute(scope)));
    }

    @Test
    void concurrentReadersOfOneViewWaitForOneComputation() throws Exception {
        Scope scope = new Scope("p1", null);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> views.of(scope, () -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return compute(scope);
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<String> answer : answers) {
                assertEquals("Scope[partnership=p1, school=null] #1", answer.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
