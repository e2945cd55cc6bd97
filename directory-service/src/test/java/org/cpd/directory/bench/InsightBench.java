package org.cpd.directory.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import javax.sql.DataSource;
import java.util.Locale;
import java.util.Map;
import org.cpd.directory.config.seed.SeedData;
import org.cpd.testsupport.bench.BenchSql;
import org.cpd.testsupport.bench.PartnershipInsightRun;
import org.cpd.testsupport.bench.Timed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load test of the directory part of the partnership insight view (bench/insight-bench.sh runs it): the seed's
 * partnership of N practitioners (default 20,000) over 20 schools with their support offers, and a load on
 * every second supporter (some over capacity); then the partnership view, unfiltered and with a school or a
 * form, at a fixed concurrency for a fixed time. Client and service share the machine.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class InsightBench {

    static final String[] FORMS = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING"};

    @Inject
    SeedData seed;

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void measureThePartnershipView() throws Exception {
        int practitioners = Integer.getInteger("bench.practitioners", 20_000);
        long loadMillis = Timed.millis(() -> {
            QuarkusTransaction.requiringNew().timeout(1800).call(() -> seed.load(practitioners));
            BenchSql.run(dataSource, "bench/insight-load.sql", Map.of());
        });

        PartnershipInsightRun run = new PartnershipInsightRun(base, SeedData.PARTNERSHIP);
        String view = run.view();
        long offers = ((Number) em.createNativeQuery("select count(*) from support_offer").getSingleResult()).longValue();
        run.measure(String.format(Locale.ROOT, "seeded %d practitioners (%d support offers, loads on half of them) in %d ms",
                practitioners, offers, loadMillis), r -> r.nextBoolean()
                        ? view + "?school=" + (100001 + r.nextInt(20))
                        : view + "?form=" + FORMS[r.nextInt(FORMS.length)]);
    }
}
