package org.cpd.testsupport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A closed-loop load run for the benchmarks under {@code bench/}: {@code concurrency} clients each send
 * the next GET as soon as the last one answered, for a fixed time, and the run reports throughput and
 * latency percentiles. Client and service share the machine, so figures are read beside the machine's
 * own limits measured in the same run ({@code bench/run-all.sh}).
 */
public final class LoadRun {

    /** What one run measured; latencies in milliseconds. */
    public record Result(String name, int requests, int errors, double throughput, double p50, double p95, double p99) {

        public String line() {
            return String.format(Locale.ROOT,
                    "%-32s requests %6d  errors %d  throughput %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                    name, requests, errors, throughput, p50, p95, p99);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** @param base the service's root URL; @param token the bearer token every request carries */
    public LoadRun(String base, String token) {
        this.base = base.replaceAll("/$", "");
        this.token = token;
    }

    /**
     * Runs {@code paths} (a path and query chosen per request from each client's own seeded random) at
     * {@code concurrency} for {@code seconds}; any answer but 200 counts as an error (the first few are printed).
     */
    public Result run(String name, Function<Random, String> paths, int concurrency, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int w = 0; w < concurrency; w++) {
                Random random = new Random(1000 + w);
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + paths.apply(random)))
                                .header("Authorization", "Bearer " + token).GET().build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 200 && errors.incrementAndGet() < 5) {
                                System.out.println(response.statusCode() + " " + request.uri() + " " + response.body());
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            Collections.sort(all);
            Result result = new Result(name, all.size(), errors.get(), all.size() / elapsed,
                    percentile(all, 50), percentile(all, 95), percentile(all, 99));
            System.out.print(result.line());
            return result;
        } finally {
            pool.shutdown();
        }
    }

    /** The nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
