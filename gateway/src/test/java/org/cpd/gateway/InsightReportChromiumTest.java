package org.cpd.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cpd.gateway.support.Backends;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens the printable insight report in a real headless Chromium (Debian's {@code chromium}) and checks
 * that its SVG charts are in the rendered DOM, and that a screenshot is drawn. Without Chromium the test
 * fails (CI installs it, see .ci/run); {@code -Dinsight.chromium.skip=true} skips it on a machine without.
 */
@QuarkusTest
class InsightReportChromiumTest {

    static final String CHROMIUM = System.getProperty("insight.chromium", "/usr/bin/chromium");

    @Test
    void theReportRendersItsChartsInHeadlessChromium() throws Exception {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            Assumptions.assumeFalse(Boolean.getBoolean("insight.chromium.skip"), "insight.chromium.skip is set");
            throw new AssertionError("Chromium is needed at " + CHROMIUM + " (apt-get install chromium), "
                    + "or skip explicitly with -Dinsight.chromium.skip=true");
        }
        Backends.resetAll();
        Backends.relationships().register(get(urlPathEqualTo(InsightTest.PATH)).willReturn(okJson(InsightTest.RELATIONSHIPS)));
        Backends.goals().register(get(urlPathEqualTo(InsightTest.PATH)).willReturn(okJson(InsightTest.GOALS)));
        Backends.directory().register(get(urlPathEqualTo(InsightTest.PATH)).willReturn(okJson(InsightTest.LOAD)));
        String html = given().auth().oauth2(Tokens.admin(InsightTest.PARTNERSHIP)).accept("text/html").get(InsightTest.PATH)
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).doesNotContain("<script");

        Path dir = Files.createTempDirectory("insight-report");
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        String dom = chromium(dir, "--dump-dom", page.toUri().toString());
        assertThat(dom).contains("<h1>Partnership insight</h1>");
        assertThat(count(dom, "<svg class=\"insight-chart\"")).isGreaterThanOrEqualTo(4);
        assertThat(dom).contains("<rect class=\"bar\"").contains("<rect class=\"suppressed\"").contains(">suppressed</text>");
        assertThat(dom).contains("data-chart=\"load\"").contains("<rect class=\"capacity\"").contains("<rect class=\"overloaded\"");

        Path png = dir.resolve("report.png");
        chromium(dir, "--screenshot=" + png, "--window-size=1000,1400", page.toUri().toString());
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(5_000);
        System.out.println("insight report screenshot: " + png);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Runs headless Chromium with a fresh profile and no network use of its own; returns its standard output. */
    static String chromium(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit, see " + dir.resolve("chromium.err")).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
