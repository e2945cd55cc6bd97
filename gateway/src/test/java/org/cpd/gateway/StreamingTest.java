package org.cpd.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.cpd.gateway.support.Callers;
import org.cpd.gateway.support.Drain;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves bodies cross the gateway in pieces: the backend (or the client) sees the first bytes while the
 * other side is still deliberately holding back the rest. A buffering proxy could not pass these.
 */
@QuarkusTest
class StreamingTest {

    private static final int MIB = 1 << 20;

    @TestHTTPResource("/")
    URL gateway;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void streamsALargeDownloadWithoutWaitingForTheWholeBody() throws Exception {
        long size = 16L * MIB;
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/probe/download?size=" + size + "&pauseMs=3000"))
                .header("Authorization", "Bearer " + Callers.teacher()).build();

        long start = System.currentTimeMillis();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Drain body = Drain.of(response.body(), MIB);
        long end = System.currentTimeMillis();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.total()).isEqualTo(size);
        // The backend pauses 3 s after the first MiB: a streaming gateway hands that MiB over before the
        // pause, a buffering one only with the rest. Relative times keep this robust on a loaded machine.
        assertThat(end - body.markReachedAt()).isGreaterThanOrEqualTo(2000);
        assertThat(end - start).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void streamsALargeUploadWhileTheClientIsStillSending() throws Exception {
        long size = 24L * MIB;
        AtomicLong resumedAt = new AtomicLong();
        // Sends 1 MiB, then holds back for 1.5 s, then the rest (unknown length: chunked).
        InputStream slowBody = new InputStream() {
            long sent;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                if (sent == MIB) {
                    sleep(1500);
                    resumedAt.set(System.currentTimeMillis());
                }
                int n = (int) Math.min(len, (sent < MIB ? MIB : size) - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'y');
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/probe/upload"))
                .header("Authorization", "Bearer " + Callers.teacher())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody)).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject seen = new JsonObject(response.body());
        assertThat(seen.getLong("bytes")).isEqualTo(size);
        assertThat(seen.getString("transferEncoding")).isEqualToIgnoringCase("chunked");
        // The backend had bytes before the client resumed sending: nothing waited for the whole body.
        assertThat(seen.getLong("firstByteAt")).isLessThan(resumedAt.get());
    }

    @Test
    void passesAFixedLengthUploadOfSeveralMegabytesIntact() {
        byte[] body = new byte[12 * MIB];
        java.util.Arrays.fill(body, (byte) 'z');

        String answer = io.restassured.RestAssured.given().auth().oauth2(Callers.teacher())
                .contentType("application/octet-stream").body(body)
                .post("/api/v1/probe/upload").then().statusCode(200).extract().asString();

        assertThat(new JsonObject(answer).getLong("bytes")).isEqualTo(body.length);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
