package org.cpd.commons;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpd.commons.testapp.AppliedNotes;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Write-commit to consumer-applied latency through the real outbox, relay, broker, consumer skeleton
 * and inbox: the test app consumes its own topic. The clock starts when the write's 201 arrives (its
 * transaction has committed) and stops when the consumer's transaction for that event has committed.
 * Not a test: run with bench/event-latency.sh.
 */
@QuarkusTest
@TestProfile(EventLatencyBench.ConsumesItsOwnTopic.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class EventLatencyBench {

    public static class ConsumesItsOwnTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.test-events.topic", "cpd.test.events",
                    // what a service runs with, not the test suite's setting
                    "cpd.outbox.poll-interval", System.getProperty("bench.poll-interval", "1s"));
        }
    }

    @TestHTTPResource("/api/v1/notes")
    URL notes;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token = Tokens.practitioner(UUID.randomUUID(), "100001");

    @Test
    void measureWriteToReadModelLatency() throws Exception {
        int events = Integer.getInteger("bench.events", 1000);
        int rate = Integer.getInteger("bench.rate", 20);
        run(Math.max(50, events / 20), rate); // warm-up: JIT, connections, partition assignment
        long[] latencies = run(events, rate);
        Arrays.sort(latencies);
        String line = String.format("BENCH event-latency %s events=%d rate=%d/s p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                Instant.now(), latencies.length, rate, ms(latencies, 50), ms(latencies, 95), ms(latencies, 99),
                latencies[latencies.length - 1] / 1e6);
        System.out.println(line);
        Files.writeString(Path.of("target", "event-latency.txt"), line + System.lineSeparator());
        assertThat(latencies).hasSize(events);
    }

    /** Writes {@code count} notes at {@code perSecond}, then waits until each was applied; returns latencies in ns. */
    private long[] run(int count, int perSecond) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, Long> committedAt = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger started = new AtomicInteger();
        try {
            ticker.scheduleAtFixedRate(() -> {
                if (started.getAndIncrement() >= count) {
                    return;
                }
                writers.execute(() -> {
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(notes.toURI())
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"bench\",\"priority\":1,\"colour\":\"RED\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        long at = System.nanoTime();
                        if (response.statusCode() != 201) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            String location = response.headers().firstValue("Location").orElseThrow();
                            committedAt.put(location.substring(location.lastIndexOf('/') + 1), at);
                        }
                    } catch (IOException | InterruptedException | java.net.URISyntaxException e) {
                        failures.add(e.toString());
                    } finally {
                        done.countDown();
                    }
                });
            }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
            assertThat(done.await(count / perSecond + 120, TimeUnit.SECONDS)).as("all writes answered").isTrue();
        } finally {
            ticker.shutdownNow();
            writers.shutdown();
        }
        assertThat(failures).as("write failures").isEmpty();
        List<String> ids = new ArrayList<>(committedAt.keySet());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long[] latencies = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            Long applied;
            while ((applied = AppliedNotes.committedAt(ids.get(i))) == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("note " + ids.get(i) + " never reached the consumer");
                }
                Thread.sleep(5);
            }
            latencies[i] = applied - committedAt.get(ids.get(i));
        }
        return latencies;
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percentile / 100.0) - 1)] / 1e6;
    }
}
