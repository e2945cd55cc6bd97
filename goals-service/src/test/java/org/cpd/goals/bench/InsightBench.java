package org.cpd.goals.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.bench.LoadRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load test of the goals part of the partnership insight view (bench/insight-bench.sh runs it): one
 * partnership's N goals (default 30,000) owned by 20,000 practitioners over 20 schools, of every status
 * and setter, and one piece of evidence per goal mapped to a standard, written straight into the
 * tables; then the partnership view, unfiltered and with each filter, at a fixed concurrency for a fixed
 * time. Client and service share the machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InsightBench {

    static final UUID PARTNERSHIP = UUID.fromString("00000000-0000-4000-8000-0000000be001");

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureThePartnershipView() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int goals = Integer.getInteger("bench.goals", 30_000);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        int seconds = Integer.getInteger("bench.seconds", 30);
        long loadStarted = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> load(practitioners, goals));
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;

        LoadRun load = new LoadRun(base.toString(), Tokens.builder().roles("partnership-admin").partnerships(PARTNERSHIP)
                .expiresInSeconds(3600).build());
        String view = "/api/v1/insight/partnerships/" + PARTNERSHIP;
        Function<Random, String> unfiltered = r -> view;
        Function<Random, String> filtered = r -> switch (r.nextInt(2)) {
            case 0 -> view + "?school=" + (100001 + r.nextInt(20));
            default -> view + "?from=2026-0" + (1 + r.nextInt(6)) + "-01&to=2026-12-31";
        };
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "loaded %d goals and %d pieces of evidence of %d practitioners in %d ms; concurrency %d, %d s per run%n",
                goals, goals, practitioners, loadMillis, concurrency, seconds));
        load.run("warm-up", filtered, concurrency, 10);
        report.append(load.run("partnership view", unfiltered, concurrency, seconds).line());
        report.append(load.run("partnership view, one filter", filtered, concurrency, seconds).line());
        System.out.println(report);
        Files.writeString(Path.of("target", "insight-bench.txt"), report.toString());
    }

    /** Rows in the shapes the service writes them, ids derived from their number so a run is repeatable. */
    void load(int practitioners, int goals) {
        // Set over the last year; statuses and setters turning so every cell and trend has members.
        em.createNativeQuery("""
                insert into goal (id, version, created_at, updated_at, owner_id, title, pupil_aspiration, priority, success_criteria,
                                  target_date, set_by, status, visibility, discontinued_reason, status_changed_at,
                                  owner_school_urns, owner_partnership_ids)
                select md5('g' || i)::uuid, 0, at, at, md5('p' || (1 + i % ?2))::uuid, 'Goal ' || i, 'Pupils', 'INDIVIDUAL', 'Criteria',
                       date '2027-07-01', (array['SUPPORTER_LED', 'SHARED', 'LEARNER_LED'])[1 + (i / ?2 + i) % 3], status, 'PRIVATE',
                       case when status = 'DISCONTINUED' then 'Moved on' end, at,
                       array[(100001 + (1 + i % ?2) % 20)::text], array[cast(?1 as uuid)]
                from (select i, timestamptz '2026-12-01' - (i % 365) * interval '1 day' as at,
                             (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACHIEVED', 'ACHIEVED', 'DRAFT', 'DISCONTINUED'])[1 + i % 7] as status
                      from generate_series(1, ?3) i) g""")
                .setParameter(1, PARTNERSHIP).setParameter(2, practitioners).setParameter(3, goals).executeUpdate();
        em.createNativeQuery("""
                insert into evidence (id, version, created_at, updated_at, owner_id, type, occurred_on, title, visibility,
                                      owner_school_urns, owner_partnership_ids)
                select md5('e' || g.id)::uuid, 0, g.created_at, g.created_at, g.owner_id,
                       (array['LESSON_OBSERVATION', 'PUPIL_WORK', 'REFLECTION', 'FEEDBACK_RECEIVED', 'LESSON_PLAN'])[1 + abs(hashtext(g.id::text)) % 5],
                       cast(g.created_at as date), 'Evidence', 'PRIVATE', g.owner_school_urns, g.owner_partnership_ids
                from goal g where g.owner_partnership_ids @> array[cast(?1 as uuid)]""").setParameter(1, PARTNERSHIP).executeUpdate();
        em.createNativeQuery("""
                insert into evidence_standard (evidence_id, standard_id)
                select e.id, (select s.id from standard s order by s.position, s.id offset abs(hashtext(e.id::text)) % 8 limit 1)
                from evidence e where e.owner_partnership_ids @> array[cast(?1 as uuid)]""").setParameter(1, PARTNERSHIP).executeUpdate();
        em.createNativeQuery("analyze").executeUpdate();
    }
}
