package org.cpd.goals.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureThePartnershipView() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        int goals = Integer.getInteger("bench.goals", 30_000);
        long loadMillis = Timed.millis(() -> BenchSql.run(dataSource, "bench/insight-load.sql",
                Map.of("partnership", PARTNERSHIP, "practitioners", practitioners, "goals", goals)));

        PartnershipInsightRun run = new PartnershipInsightRun(base, PARTNERSHIP);
        String view = run.view();
        run.measure(String.format(Locale.ROOT, "loaded %d goals and %d pieces of evidence of %d practitioners in %d ms",
                goals, goals, practitioners, loadMillis), r -> switch (r.nextInt(2)) {
                    case 0 -> view + "?school=" + (100001 + r.nextInt(20));
                    default -> view + "?from=2026-0" + (1 + r.nextInt(6)) + "-01&to=2026-12-31";
                });
    }
}
