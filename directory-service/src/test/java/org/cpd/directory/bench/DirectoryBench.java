package org.cpd.directory.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.cpd.directory.config.seed.SeedData;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load test of supporter search and matching on a seeded directory (bench/directory-bench.sh runs it):
 * loads N practitioners (default 20,000), warms up, then runs each endpoint at a fixed concurrency for a
 * fixed time and prints p50/p95/p99 latency and throughput. Client and service share the machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DirectoryBench {

    static final String[] EXPERTISE = {"ASSESSMENT_FOR_LEARNING", "BEHAVIOUR_MANAGEMENT", "SEND_INCLUSION", "THINKING_SKILLS",
            "METACOGNITION", "EARLY_CAREER_INDUCTION", "CAME", "CASE", "PRIMARY_MATHEMATICS", "SECONDARY_SCIENCE"};
    static final String[] FORMS = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING"};

    @Inject
    SeedData seed;

    @TestHTTPResource("/")
    URL base;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measureSearchAndMatching() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int seconds = Integer.getInteger("bench.seconds", 30);
        long loadStarted = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).call(() -> seed.load(practitioners));
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        String token = Tokens.builder().roles("partnership-admin").partnerships(SeedData.PARTNERSHIP)
                .expiresInSeconds(3600).build();

        Function<Random, String> supporters = r -> "/api/v1/supporters?limit=20&hasCapacity=true&form=" + FORMS[r.nextInt(3)]
                + (r.nextBoolean() ? "&expertise=" + EXPERTISE[r.nextInt(EXPERTISE.length)] : "")
                + (r.nextInt(3) == 0 ? "&schoolUrn=" + (100001 + r.nextInt(20)) : "");
        Function<Random, String> matches = r -> {
            int i = r.nextInt(Math.max(1, practitioners - 4));
            UUID learner = new UUID(0x3100000000004000L | (i >>> 16), 0x8000000000000000L | i);
            String form = FORMS[r.nextInt(3)];
            return "/api/v1/matches?limit=10&learnerId=" + learner + "&form=" + form
                    + (form.equals("SPECIALIST_COACHING") ? "&expertise=" + EXPERTISE[r.nextInt(EXPERTISE.length)] : "")
                    + (form.equals("MENTORING") ? "&purpose=INDUCTION" : "")
                    + (r.nextInt(4) == 0 ? "&explain=true" : "");
        };

        // The seed's events are published first so the relay does not compete with the measurement.
        long drainStarted = System.nanoTime();
        while (org.cpd.directory.Fixtures.count("outbox_event", "published_at is null and ?1 = 1", 1) > 0
                && System.nanoTime() - drainStarted < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(1000);
        }
        long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "outbox drained in %d ms%n", drainMillis));
        report.append(String.format(Locale.ROOT, "seeded %d practitioners in %d ms; concurrency %d, %d s per endpoint%n",
                practitioners, loadMillis, concurrency, seconds));
        run("warm-up supporters", supporters, token, concurrency, 10, null);
        run("warm-up matches", matches, token, concurrency, 10, null);
        run("GET /api/v1/supporters", supporters, token, concurrency, seconds, report);
        run("GET /api/v1/matches", matches, token, concurrency, seconds, report);
        System.out.println(report);
        Path out = Path.of("target", "directory-bench.txt");
        Files.writeString(out, report.toString());
    }

    void run(String name, Function<Random, String> paths, String token, int concurrency, int seconds, StringBuilder report)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(1000 + w);
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + paths.apply(random)))
                            .header("Authorization", "Bearer " + token).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            if (errors.incrementAndGet() < 5) {
                                System.out.println(response.statusCode() + " " + request.uri() + " " + response.body());
                            }
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
        pool.shutdown();
        Collections.sort(all);
        String line = String.format(Locale.ROOT, "%-24s requests %6d  errors %d  throughput %7.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                name, all.size(), errors.get(), all.size() / elapsed, pct(all, 50), pct(all, 95), pct(all, 99));
        System.out.print(line);
        if (report != null) {
            report.append(line);
        }
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
