package org.cpd.relationships.bench;

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
 * Load test of the relationships part of the partnership insight view (bench/insight-bench.sh runs it):
 * one partnership of N practitioners over 20 schools (default 20,000), M relationships (default 10,000)
 * of every form and status with their agreements and three conversations per activated relationship,
 * written straight into the tables; then the partnership view, unfiltered and with each filter, at a
 * fixed concurrency for a fixed time. Client and service share the machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InsightBench {

    static final UUID PARTNERSHIP = UUID.fromString("00000000-0000-4000-8000-0000000be001");
    static final String[] FORMS = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING"};

    @Inject
    EntityManager em;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureThePartnershipView() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int relationships = Integer.getInteger("bench.relationships", 10_000);
        int concurrency = Integer.getInteger("bench.concurrency", 4);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int supporters = practitioners / 5;
        long loadStarted = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> load(practitioners, supporters, relationships));
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        long conversations = ((Number) em.createNativeQuery("select count(*) from conversation").getSingleResult()).longValue();

        LoadRun load = new LoadRun(base.toString(), Tokens.builder().roles("partnership-admin").partnerships(PARTNERSHIP)
                .expiresInSeconds(3600).build());
        String view = "/api/v1/insight/partnerships/" + PARTNERSHIP;
        Function<Random, String> unfiltered = r -> view;
        Function<Random, String> filtered = r -> switch (r.nextInt(3)) {
            case 0 -> view + "?form=" + FORMS[r.nextInt(3)];
            case 1 -> view + "?school=" + (100001 + r.nextInt(20));
            default -> view + "?from=2026-0" + (1 + r.nextInt(6)) + "-01&to=2026-12-31";
        };
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "loaded %d practitioners (%d supporters), %d relationships, %d conversations in %d ms; concurrency %d, %d s per run%n",
                practitioners, supporters, relationships, conversations, loadMillis, concurrency, seconds));
        load.run("warm-up", filtered, concurrency, 10);
        report.append(load.run("partnership view", unfiltered, concurrency, seconds).line());
        report.append(load.run("partnership view, one filter", filtered, concurrency, seconds).line());
        System.out.println(report);
        Files.writeString(Path.of("target", "insight-bench.txt"), report.toString());
    }

    /** Rows in the shapes the service writes them, ids derived from their number so a run is repeatable. */
    void load(int practitioners, int supporters, int relationships) {
        em.createNativeQuery("""
                insert into practitioner (id, version, created_at, updated_at, active, school_urn, career_stage, partnership_ids)
                select md5('p' || i)::uuid, 0, now(), now(), true, (100001 + i % 20)::text,
                       (array['ECT', 'EXPERIENCED', 'MIDDLE_LEADER'])[1 + i % 3], array[cast(?1 as uuid)]
                from generate_series(1, ?2) i""").setParameter(1, PARTNERSHIP).setParameter(2, practitioners).executeUpdate();
        em.createNativeQuery("""
                insert into supporter_capacity (practitioner_id, form, capacity, paused, updated_at)
                select md5('p' || i)::uuid, f, 1 + i % 4, i % 17 = 0, now()
                from generate_series(1, ?1) i cross join unnest(array['MENTORING', 'SPECIALIST_COACHING']) f""")
                .setParameter(1, supporters).executeUpdate();
        // Half active, a fifth closed, the rest proposed, declined, withdrawn or expired; proposed over the last year.
        em.createNativeQuery("""
                insert into relationship (id, version, created_at, updated_at, form, purpose, status, proposed_by, proposed_at,
                                          activated_at, ended_at)
                select md5('r' || i)::uuid, 0, at, at, form,
                       case when form = 'MENTORING' then (array['INDUCTION', 'PROGRESSION'])[1 + i % 2] end, status, 'bench', at,
                       case when status in ('ACTIVE', 'CLOSED') then at + (1 + i % 20) * interval '1 day' end,
                       case when status = 'CLOSED' then at + 90 * interval '1 day' end
                from (select i, (array['MENTORING', 'SPECIALIST_COACHING', 'CO_COACHING'])[1 + i % 3] as form,
                             (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'CLOSED', 'CLOSED', 'PROPOSED', 'DECLINED',
                                    'EXPIRED'])[1 + i % 10] as status,
                             timestamptz '2026-12-01' - (i % 365) * interval '1 day' as at
                      from generate_series(1, ?1) i) r""").setParameter(1, relationships).executeUpdate();
        // The supporter (a peer in co-coaching) is one of the supporters, the learner one of the others.
        em.createNativeQuery("""
                insert into relationship_participant (id, relationship_id, practitioner_id, role, school_urn, accepted_at)
                select md5('rp' || i || '-' || x.slot)::uuid, md5('r' || i)::uuid, x.who, x.role, (100001 + x.n % 20)::text, now()
                from generate_series(1, ?1) i
                cross join lateral (values
                    (1, md5('p' || (1 + i % ?2))::uuid, 1 + i % ?2, case when i % 3 = 2 then 'PEER' else 'SUPPORTER' end),
                    (2, md5('p' || (?2 + 1 + i % (?3 - ?2)))::uuid, ?2 + 1 + i % (?3 - ?2), case when i % 3 = 2 then 'PEER' else 'LEARNER' end)
                ) as x(slot, who, n, role)""").setParameter(1, relationships).setParameter(2, supporters).setParameter(3, practitioners)
                .executeUpdate();
        em.createNativeQuery("""
                insert into learning_agreement (id, version, created_at, updated_at, relationship_id, current_version)
                select md5('la' || r.id)::uuid, 0, r.activated_at, r.activated_at, r.id, 1 from relationship r where r.activated_at is not null""")
                .executeUpdate();
        em.createNativeQuery("""
                insert into agreement_version (id, agreement_id, number, protected_hours_per_half_term, created_by, created_at)
                select md5('av' || a.id)::uuid, a.id, 1, 3, 'bench', a.created_at from learning_agreement a""").executeUpdate();
        // Three conversations per activated relationship: two held, one planned, the agenda's owner turning; in
        // co-coaching the peers take turns as coach.
        em.createNativeQuery("""
                insert into conversation (id, version, created_at, updated_at, relationship_id, status, starts_at, duration_minutes,
                                          setting, agenda_owner, coach_id, recorded_by)
                select md5('c' || r.id || n)::uuid, 0, r.activated_at, r.activated_at, r.id,
                       case when n < 3 then 'HELD' else 'PLANNED' end, r.activated_at + n * interval '14 days', 60, 'QUIET_SPACE',
                       (array['SUPPORTER_LED', 'SHARED', 'LEARNER_LED'])[1 + (n + abs(hashtext(r.id::text))) % 3],
                       (select p.practitioner_id from relationship_participant p where p.relationship_id = r.id
                        order by p.role desc, p.practitioner_id
                        offset case when r.form = 'CO_COACHING' then n % 2 else 0 end limit 1), 'bench'
                from relationship r cross join generate_series(1, 3) n where r.activated_at is not null""").executeUpdate();
        em.createNativeQuery("analyze").executeUpdate();
    }
}
