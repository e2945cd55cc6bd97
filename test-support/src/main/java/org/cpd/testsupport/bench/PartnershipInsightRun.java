package org.cpd.testsupport.bench;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.cpd.testsupport.Tokens;

/**
 * The measured part of every service's insight bench (bench/insight-bench.sh): a partnership admin reads the
 * partnership view after a warm-up, unfiltered and then with one filter, at {@code bench.concurrency} (4) for
 * {@code bench.seconds} (30) a run; the report goes to stdout and {@code target/insight-bench.txt}. Each service's
 * bench loads its own data and says what it loaded.
 */
public final class PartnershipInsightRun {

    private final URL base;
    private final UUID partnership;
    private final int concurrency = Integer.getInteger("bench.concurrency", 4);
    private final int seconds = Integer.getInteger("bench.seconds", 30);

    public PartnershipInsightRun(URL base, UUID partnership) {
        this.base = base;
        this.partnership = partnership;
    }

    /** The partnership view's path, for building the filtered variants. */
    public String view() {
        return "/api/v1/insight/partnerships/" + partnership;
    }

    /**
     * Runs the warm-up and both measured runs and writes the report.
     *
     * @param loaded   what the bench loaded and how long it took, the report's first line without its end
     * @param filtered a path of the view with one filter, chosen per request
     */
    public void measure(String loaded, Function<Random, String> filtered) throws Exception {
        LoadRun load = new LoadRun(base.toString(), Tokens.builder().roles("partnership-admin").partnerships(partnership)
                .expiresInSeconds(3600).build());
        String view = view();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%s; concurrency %d, %d s per run%n",
                loaded, concurrency, seconds));
        load.run("warm-up", filtered, concurrency, 10);
        report.append(load.run("partnership view", r -> view, concurrency, seconds).line());
        report.append(load.run("partnership view, one filter", filtered, concurrency, seconds).line());
        System.out.println(report);
        Files.writeString(Path.of("target", "insight-bench.txt"), report.toString());
    }
}
