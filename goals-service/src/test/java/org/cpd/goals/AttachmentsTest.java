package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.count;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AttachmentsTest {

    static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    /** Matches %test.cpd.attachments.max-bytes. */
    static final long LIMIT = 300L * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    final UUID learner = UUID.randomUUID();
    // HTTP/1.1: an h2c upgrade makes the server aggregate a request body in memory before switching protocols
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    String newEvidence() {
        return asPractitioner(learner).body(EvidenceApiTest.evidence("Pupil work photo", "type", "PUPIL_WORK"))
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
    }

    long largeObjects() {
        return count("select count(*) from pg_largeobject_metadata");
    }

    long attachmentsOf(String evidenceId) {
        return count("select count(*) from attachment where evidence_id = '" + evidenceId + "'");
    }

    /** A refused upload leaves neither an attachment row nor a large object behind. */
    void assertNothingStored(String evidenceId, long largeObjectsBefore) {
        assertThat(attachmentsOf(evidenceId)).isZero();
        assertThat(largeObjects()).isEqualTo(largeObjectsBefore);
    }

    /** Generated content: a real file header followed by {@code size} pseudo-random bytes, hashed as it is read. */
    static final class Generated extends InputStream {
        final MessageDigest sha = sha256();
        final byte[] head;
        final long size;
        long pos;
        long seed = 42;

        Generated(byte[] head, long size) {
            this.head = head;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                long p = pos + i;
                if (p < head.length) {
                    b[off + i] = head[(int) p];
                } else {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    b[off + i] = (byte) (seed >>> 56);
                }
            }
            sha.update(b, off, n);
            pos += n;
            return n;
        }

        String hex;

        /** The SHA-256 of everything read so far (call once the stream was consumed). */
        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(sha.digest());
            }
            return hex;
        }
    }

    HttpResponse<String> upload(String evidenceId, String partType, InputStream content) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        byte[] pre = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"work.png\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] post = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(
                List.of(new ByteArrayInputStream(pre), content, new ByteArrayInputStream(post))));
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("api/v1/evidence/" + evidenceId + "/attachments"))
                .header("Authorization", "Bearer " + Tokens.practitioner(learner, Fixtures.URN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesAFileWithItsChecksumAndStreamsItBack() throws Exception {
        String evidence = newEvidence();
        Generated file = new Generated(PNG_HEAD, 200_000);
        HttpResponse<String> created = upload(evidence, "image/png", file);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = io.restassured.path.json.JsonPath.from(created.body()).getString("id");
        assertThat(created.body()).contains("\"sha256\":\"" + file.hex() + "\"", "\"contentType\":\"image/png\"", "\"sizeBytes\":200000");

        asPractitioner(learner).get("/api/v1/evidence/" + evidence).then().body("attachments[0].id", equalTo(id));
        byte[] back = io.restassured.RestAssured.given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN))
                .get("/api/v1/attachments/" + id).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(HexFormat.of().formatHex(sha256().digest(back))).isEqualTo(file.hex());
        // nobody else can fetch it
        io.restassured.RestAssured.given().auth().oauth2(Tokens.practitioner(UUID.randomUUID(), Fixtures.URN))
                .get("/api/v1/attachments/" + id).then().statusCode(404);
    }

    @Test
    void refusesAFileWhoseBytesAreNotAnAllowedTypeAndStoresNothing() throws Exception {
        String evidence = newEvidence();
        long before = largeObjects();
        byte[] script = "#!/bin/sh\necho not a picture\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> refused = upload(evidence, "image/png", new ByteArrayInputStream(script));
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("urn:cpd:problem:unsupported-attachment-type");
        HttpResponse<String> lying = upload(evidence, "application/pdf", new Generated(PNG_HEAD, 1000));
        assertThat(lying.statusCode()).isEqualTo(415);
        assertNothingStored(evidence, before);
    }

    @Test
    void refusesAFileOverTheLimitWith413AndStoresNothing() throws Exception {
        String evidence = newEvidence();
        long before = largeObjects();
        HttpResponse<String> refused = upload(evidence, "image/png", new Generated(PNG_HEAD, LIMIT + 1));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("urn:cpd:problem:attachment-too-large");
        assertNothingStored(evidence, before);
    }

    @Test
    void aHalfUploadedFileLeavesNothingBehind() throws Exception {
        String evidence = newEvidence();
        long before = largeObjects();
        String boundary = "half";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"w.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/evidence/" + evidence + "/attachments HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.practitioner(learner, Fixtures.URN) + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + "Content-Length: 5000000\r\n\r\n" + head).getBytes(StandardCharsets.US_ASCII));
            Generated partial = new Generated(PNG_HEAD, 1_000_000);
            partial.transferTo(out);
            out.flush();
        } // the connection drops mid-upload
        Path uploads = Path.of("target/goals-service-uploads");
        Fixtures.await(() -> {
            try (Stream<Path> files = Files.exists(uploads) ? Files.list(uploads) : Stream.empty()) {
                return files.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "spooled upload to be removed");
        assertNothingStored(evidence, before);
    }

    @Test
    void streamsAFileLargerThanTheWholeHeapInAndOut() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long size = 288L * 1024 * 1024;
        assertThat(size).as("the file must be larger than the heap (surefire -Xmx)").isGreaterThan(maxHeap).isLessThan(LIMIT);
        String evidence = newEvidence();
        Generated file = new Generated(PNG_HEAD, size);
        long start = System.nanoTime();
        HttpResponse<String> created = upload(evidence, "image/png", file);
        long uploadMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = io.restassured.path.json.JsonPath.from(created.body()).getString("id");
        assertThat(created.body()).contains(file.hex());

        start = System.nanoTime();
        HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/attachments/" + id))
                .header("Authorization", "Bearer " + Tokens.practitioner(learner, Fixtures.URN)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        MessageDigest sha = sha256();
        long read = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                sha.update(buffer, 0, n);
                read += n;
            }
        }
        long downloadMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(read).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(sha.digest())).isEqualTo(file.hex());
        System.out.printf("FIGURE attachment streaming: %d MiB with max heap %d MiB: upload %d ms, download %d ms%n",
                size >> 20, maxHeap >> 20, uploadMs, downloadMs);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
