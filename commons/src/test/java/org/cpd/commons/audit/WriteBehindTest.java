package org.cpd.commons.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The write-behind queue of read audit entries loses nothing: not on a burst, a full queue, a failed write or a shutdown. */
class WriteBehindTest {

    static final Duration NEVER = Duration.ofHours(1);

    final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    List<Integer> written() {
        synchronized (batches) {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    @Test
    void aBurstIsWrittenInFullAndInOrderInBatchesByTheWorker() throws InterruptedException {
        CountDownLatch all = new CountDownLatch(1);
        WriteBehind<Integer> queue = new WriteBehind<>("test-writer", 1000, 100, Duration.ofMillis(10), batch -> {
            batches.add(batch);
            if (written().size() == 1000) {
                all.countDown();
            }
        });
        IntStream.range(0, 1000).forEach(i -> assertThat(queue.offer(i)).isTrue());

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(written()).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(100));
        assertThat(batches.size()).isLessThan(1000);
        queue.stop();
    }

    @Test
    void stoppingWritesEverythingStillQueuedAndLaterItemsAtOnce() {
        WriteBehind<Integer> queue = new WriteBehind<>("test-writer", 1000, 100, NEVER, batches::add);
        IntStream.range(0, 750).forEach(queue::offer);
        assertThat(written()).isEmpty(); // the worker has not run yet

        queue.stop();

        assertThat(written()).hasSize(750).containsExactlyElementsOf(IntStream.range(0, 750).boxed().toList());
        assertThat(queue.queued()).isZero();
        assertThat(queue.offer(750)).isFalse();
        assertThat(written()).hasSize(751).endsWith(750);
    }

    @Test
    void aFullQueueWritesTheItemAtOnceOnTheCallersThread() {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        WriteBehind<Integer> queue = new WriteBehind<>("test-writer", 2, 100, NEVER, batch -> {
            threads.add(Thread.currentThread().getName());
            batches.add(batch);
        });

        assertThat(queue.offer(1)).isTrue();
        assertThat(queue.offer(2)).isTrue();
        assertThat(queue.offer(3)).isFalse();

        assertThat(written()).containsExactly(3);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
        queue.flush();
        assertThat(written()).containsExactly(3, 1, 2);
        queue.stop();
    }

    @Test
    void aBatchThatFailsIsKeptAndWrittenOnTheNextAttempt() {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        Consumer<List<Integer>> writer = batch -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("connection refused");
            }
            batches.add(batch);
        };
        WriteBehind<Integer> queue = new WriteBehind<>("test-writer", 100, 10, NEVER, writer);
        IntStream.range(0, 25).forEach(queue::offer);

        assertThatThrownBy(queue::flush).hasMessageContaining("connection refused");
        assertThat(queue.queued()).isEqualTo(25);
        databaseDown.set(false);
        queue.flush();

        assertThat(written()).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        queue.stop();
    }

    @Test
    void aFailedImmediateWriteReachesTheCaller() {
        WriteBehind<Integer> queue = new WriteBehind<>("test-writer", 1, 10, NEVER, batch -> {
            throw new IllegalStateException("connection refused");
        });
        queue.offer(1);

        assertThatThrownBy(() -> queue.offer(2)).hasMessageContaining("connection refused");
    }
}
