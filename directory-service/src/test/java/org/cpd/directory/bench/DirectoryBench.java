package org.cpd.directory.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.cpd.directory.config.seed.SeedData;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.bench.LoadRun;
import org.cpd.testsupport.bench.Timed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load test of supporter search, the practitioner list and matching on a seeded directory
 * (bench/directory-bench.sh runs it):
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

    @Test
    void measureSearchAndMatching() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int concurrency = Integer.getInteger("bench.concurrency", 8);
        int seconds = Integer.getInteger("bench.seconds", 30);
        long loadMillis = Timed.millis(() -> QuarkusTransaction.requiringNew().timeout(1800).call(() -> seed.load(practitioners)));
        String token = Tokens.builder().roles("partnership-admin").partnerships(SeedData.PARTNERSHIP)
                .expiresInSeconds(3600).build();

        Function<Random, String> supporters = r -> "/api/v1/supporters?limit=20&hasCapacity=true&form=" + FORMS[r.nextInt(3)]
                + (r.nextBoolean() ? "&expertise=" + EXPERTISE[r.nextInt(EXPERTISE.length)] : "")
                + (r.nextInt(3) == 0 ? "&schoolUrn=" + (100001 + r.nextInt(20)) : "");
        // An admin's list page: the first page or one further on, unfiltered or by school or career stage.
        Function<Random, String> practitionerPages = r -> "/api/v1/practitioners?limit=20"
                + switch (r.nextInt(3)) {
                    case 0 -> "&schoolUrn=" + (100001 + r.nextInt(20));
                    case 1 -> "&careerStage=" + (r.nextBoolean() ? "EARLY_CAREER_TEACHER" : "TEACHER");
                    default -> "";
                };
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
        // ... and the service's own webhook consumer has seen them (it reads the directory's topic too)
        long published = org.cpd.directory.Fixtures.count("outbox_event", "published_at is not null and ?1 = 1", 1);
        for (long seen = -1, still = 0; still < 5 && System.nanoTime() - drainStarted < Duration.ofMinutes(10).toNanos(); ) {
            long now = org.cpd.directory.Fixtures.count("inbox_event", "consumer = ?1", "directory-webhooks");
            if (now >= published) {
                break;
            }
            still = now == seen ? still + 1 : 0; // or until it has stopped growing (events it is not given)
            seen = now;
            Thread.sleep(1000);
        }
        long drainMillis = (System.nanoTime() - drainStarted) / 1_000_000;
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "outbox drained and its events consumed in %d ms%n", drainMillis));
        report.append(String.format(Locale.ROOT, "seeded %d practitioners in %d ms; concurrency %d, %d s per endpoint%n",
                practitioners, loadMillis, concurrency, seconds));
        LoadRun load = new LoadRun(base.toString(), token);
        load.run("warm-up supporters", supporters, concurrency, 10);
        load.run("warm-up practitioners", practitionerPages, concurrency, 10);
        load.run("warm-up matches", matches, concurrency, 10);
        report.append(load.run("GET /api/v1/supporters", supporters, concurrency, seconds).line());
        report.append(load.run("GET /api/v1/practitioners", practitionerPages, concurrency, seconds).line());
        report.append(load.run("GET /api/v1/matches", matches, concurrency, seconds).line());
        System.out.println(report);
        Path out = Path.of("target", "directory-bench.txt");
        Files.writeString(out, report.toString());
    }
}
