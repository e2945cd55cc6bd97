package org.cpd.relationships.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import javax.sql.DataSource;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.bench.BenchSql;
import org.cpd.testsupport.bench.PartnershipInsightRun;
import org.cpd.testsupport.bench.Timed;
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

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureThePartnershipView() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int relationships = Integer.getInteger("bench.relationships", 10_000);
        int supporters = practitioners / 5;
        long loadMillis = Timed.millis(() -> BenchSql.run(dataSource, "bench/insight-load.sql", Map.of("partnership", PARTNERSHIP,
                "practitioners", practitioners, "supporters", supporters, "relationships", relationships)));
        long conversations = ((Number) em.createNativeQuery("select count(*) from conversation").getSingleResult()).longValue();

        PartnershipInsightRun run = new PartnershipInsightRun(base, PARTNERSHIP);
        String view = run.view();
        run.measure(String.format(Locale.ROOT, "loaded %d practitioners (%d supporters), %d relationships, %d conversations in %d ms",
                practitioners, supporters, relationships, conversations, loadMillis), r -> switch (r.nextInt(3)) {
                    case 0 -> view + "?form=" + FORMS[r.nextInt(3)];
                    case 1 -> view + "?school=" + (100001 + r.nextInt(20));
                    default -> view + "?from=2026-0" + (1 + r.nextInt(6)) + "-01&to=2026-12-31";
                });
    }
}
