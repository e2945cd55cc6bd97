package org.cpd.directory.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.cpd.directory.Fixtures;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A staff file of N rows (default 10,000) end to end (bench/staff-sync-bench.sh runs it): the file is written to
 * disk and streamed to the service, first as new staff, then the same file again (all unchanged), then as a dry
 * run with every name changed, then that change; for one school in a fresh JVM, then for a second school in the same
 * JVM. Prints rows per second and the peak heap used while each sync ran (sampled every
 * 10 ms, after a GC before each run), in the same JVM as the service.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class StaffSyncBench {

    @TestHTTPResource("/")
    URL base;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void measureAStaffSync() throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "staff sync bench: %,d rows, heap max %,d MB", rows, Runtime.getRuntime().maxMemory() >> 20));
        // The same four syncs for two schools: the first in a fresh JVM (what the JIT has not compiled yet is
        // interpreted), the second as a service that has run a sync before meets its next one.
        lines.add("first school, a fresh JVM:");
        lines.addAll(fourSyncs(rows));
        lines.add("second school, the same JVM:");
        lines.addAll(fourSyncs(rows));
        Path out = Path.of("target/staff-sync-bench.txt");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private List<String> fourSyncs(int rows) throws Exception {
        Fixtures.School school = Fixtures.school();
        String token = Tokens.builder().roles("mis-integration").client("bench").schools(school.urn()).expiresInSeconds(3600).build();
        Path file = staffFile(rows, school.urn(), "");
        Path renamed = staffFile(rows, school.urn(), " Renamed");
        return List.of(
                run("new staff (created)", file, "", token, school.urn(), rows),
                run("same file again (unchanged)", file, "", token, school.urn(), rows),
                run("every name changed, dry run", renamed, "?dryRun=true", token, school.urn(), rows),
                run("every name changed (updated)", renamed, "", token, school.urn(), rows));
    }

    private String run(String label, Path file, String query, String token, String urn, int rows) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/schools/" + urn + "/staff-syncs" + query))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        sampler.join();
        if (response.statusCode() != 201) {
            throw new IllegalStateException(label + ": " + response.statusCode() + " " + response.body());
        }
        return String.format(Locale.ROOT, "%-30s %6.2f s  %,8.0f rows/s  peak heap %,5d MB (%,5d MB above the baseline)  %s",
                label, seconds, rows / seconds, peak.get() >> 20, (peak.get() - baseline) >> 20, response.body());
    }

    private static Path staffFile(int rows, String urn, String suffix) throws Exception {
        Path file = Files.createTempFile("staff-" + urn, ".csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write("misStaffId,trn,givenName,familyName,email,role,lineManagerMisId,subjects,phases,startDate,leaveDate\n");
            for (int i = 0; i < rows; i++) {
                String manager = i % 20 == 0 ? "" : "B" + (i - i % 20); // teams of 20 under a middle leader
                out.write("B" + i + ",," + "Given" + i + ",Family" + suffix + "," + "bench" + i + "." + urn + "@example.org,"
                        + (manager.isEmpty() ? "MIDDLE_LEADER" : "TEACHER") + "," + manager + ",MATHEMATICS;PHYSICS,SECONDARY,2020-09-01,\n");
            }
        }
        return file;
    }
}
