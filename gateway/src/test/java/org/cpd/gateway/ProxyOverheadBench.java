package org.cpd.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latency the gateway adds (token check, rate limit, routing, relay) on a small GET, compared with
 * calling the same backend directly. Not a test: run with bench/gateway-overhead.sh.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ProxyOverheadBench {

    @TestHTTPResource("/")
    URL gateway;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void measureProxyOverhead() throws Exception {
        Backends.directory().register(get(urlEqualTo("/api/v1/schools/bench"))
                .willReturn(okJson("{\"urn\":\"100001\",\"name\":\"Bench School\"}")));
        String direct = "http://localhost:" + ConfigProvider.getConfig().getValue("test.backend.directory.port", Integer.class)
                + "/api/v1/schools/bench";
        String proxied = gateway + "api/v1/schools/bench";
        // A machine client: its own bucket, with the larger allowance configured for it.
        String token = Callers.machine("cpd-mis-demo");
        int n = Integer.getInteger("bench.requests", 3000);

        run(direct, token, 500);
        run(proxied, token, 500);
        long[] d = run(direct, token, n);
        long[] p = run(proxied, token, n);

        System.out.printf("BENCH gateway-overhead requests=%d direct p50=%.2fms p99=%.2fms | via gateway p50=%.2fms p99=%.2fms"
                        + " | added p50=%.2fms%n", n, ms(d, 50), ms(d, 99), ms(p, 50), ms(p, 99), ms(p, 50) - ms(d, 50));
        assertThat(p.length).isEqualTo(n);
    }

    private long[] run(String url, String token, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            t[i] = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode());
            }
        }
        Arrays.sort(t);
        return t;
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }
}
