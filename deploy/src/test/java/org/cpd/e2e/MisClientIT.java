package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The example MIS integration of clients/typescript/mis-client.ts, compiled by tsc in the clients module
 * (-Dtsc=..., as .ci/run does) and run here by node against the stack as the dev realm's MIS client: a
 * token, a dry-run and a real staff sync of a generated file for the demo school, the same file again, delta
 * pulls with a state file (new people, a leaver, a merge), and Standard Webhooks signatures computed here with
 * javax.crypto.Mac.
 */
class MisClientIT {

    private static final Path CLI = Path.of("..", "clients", "target", "typescript", "typescript", "mis-client.js");
    private static final Pattern ROW = Pattern.compile(
            "(?m)^line (\\d+)\\s+(\\S+)\\s+(CREATED|UPDATED|UNCHANGED|DEACTIVATED|REJECTED)\\s+(.+)$");
    private static final Pattern ITEM = Pattern.compile("(?m)^(practitioner|offer) \\S+.*$");
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private record Run(int exitCode, String output) {
    }

    @Test
    void anMisSyncsItsStaffPullsTheChangesAndVerifiesWebhooks() throws Exception {
        assertThat(CLI).as("the compiled client: run with -pl clients,deploy -Dtsc=<path to tsc>").exists();
        Path dir = Files.createTempDirectory("mis-client-");

        Run token = node("token");
        assertThat(token.exitCode()).as(token.output()).isZero();
        assertThat(Jwt.claims(token.output().trim()).getString("azp")).isEqualTo(Stack.MIS_CLIENT);

        // Partial mode (the client's default): the demo school's other staff stay as they are.
        String unique = Long.toString(System.currentTimeMillis(), 36);
        Path staff = dir.resolve("staff.csv");
        Files.writeString(staff, "Staff ID,Forename,Surname,Work Email,Post,Leave Date\n"
                + "MC" + unique + "1,Amira,Shah,mis-client-" + unique + "-1@demo.cpd.example,Teacher,\n"
                + "MC" + unique + "2,Ben,Okafor,mis-client-" + unique + "-2@demo.cpd.example,Early career teacher,\n"
                // The same person again under an old address: a duplicate the school's lead merges below.
                + "MC" + unique + "3,Amira,Shah,mis-client-" + unique + "-3@demo.cpd.example,Teacher,\n");

        Run dryRun = node("sync", Stack.SCHOOL_URN, staff.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("dry-run: COMPLETED", "rows 3 created 3 updated 0 unchanged 0",
                "dry run: nothing was written");
        assertThat(rows(dryRun.output())).containsExactly(
                List.of("2", "MC" + unique + "1", "CREATED", "(new: no id in a dry run)"),
                List.of("3", "MC" + unique + "2", "CREATED", "(new: no id in a dry run)"),
                List.of("4", "MC" + unique + "3", "CREATED", "(new: no id in a dry run)"));

        Instant beforeSync = Instant.now().minusSeconds(2);
        Run created = node("sync", Stack.SCHOOL_URN, staff.toString());
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(created.output()).contains("mode PARTIAL: COMPLETED", "rows 3 created 3 updated 0 unchanged 0 deactivated 0 rejected 0");
        List<List<String>> createdRows = rows(created.output());
        assertThat(createdRows).extracting(r -> r.get(2)).containsExactly("CREATED", "CREATED", "CREATED");
        assertThat(createdRows).allSatisfy(r -> assertThat(r.get(3)).matches(UUID));
        String amira = createdRows.get(0).get(3);
        String ben = createdRows.get(1).get(3);
        String duplicate = createdRows.get(2).get(3);

        Run again = node("sync", Stack.SCHOOL_URN, staff.toString());
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("rows 3 created 0 updated 0 unchanged 3");
        assertThat(rows(again.output())).containsExactly(
                List.of("2", "MC" + unique + "1", "UNCHANGED", amira),
                List.of("3", "MC" + unique + "2", "UNCHANGED", ben),
                List.of("4", "MC" + unique + "3", "UNCHANGED", duplicate));

        // First pull from just before the sync; the state file remembers where it ended.
        Path state = dir.resolve("pull-state.json");
        Run first = node("pull", "--since", beforeSync.toString(), "--state", state.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(items(first.output())).contains(
                "practitioner upsert " + amira + " Amira Shah <mis-client-" + unique + "-1@demo.cpd.example> TEACHER school " + Stack.SCHOOL_URN,
                "practitioner upsert " + ben + " Ben Okafor <mis-client-" + unique + "-2@demo.cpd.example> EARLY_CAREER_TEACHER school "
                        + Stack.SCHOOL_URN,
                "practitioner upsert " + duplicate + " Amira Shah <mis-client-" + unique + "-3@demo.cpd.example> TEACHER school "
                        + Stack.SCHOOL_URN);
        assertThat(state).exists();

        // One more change: Ben left yesterday (school time). The other rows are the same and stay unchanged.
        String yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1).toString();
        Files.writeString(staff, Files.readString(staff).replace("Early career teacher,\n", "Early career teacher," + yesterday + "\n"));
        Run left = node("sync", Stack.SCHOOL_URN, staff.toString());
        assertThat(left.exitCode()).as(left.output()).isZero();
        assertThat(rows(left.output())).containsExactly(
                List.of("2", "MC" + unique + "1", "UNCHANGED", amira),
                List.of("3", "MC" + unique + "2", "DEACTIVATED", ben),
                List.of("4", "MC" + unique + "3", "UNCHANGED", duplicate));

        // The second pull, from the state file alone, shows that change and nothing it had shown before.
        Run second = node("pull", "--state", state.toString());
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(items(second.output())).containsExactly("practitioner left   " + ben + " Ben Okafor");
        assertThat(second.output()).contains("practitioners: 1 changed on 1 page(s)");

        // The school's lead merges the duplicate into Amira's record: the next pull re-keys it.
        String lead = Stack.tokenFor("lead");
        String etag = Stack.gatewayAs(lead).get("/api/v1/practitioners/" + amira).then().statusCode(200).extract().header("ETag");
        Stack.gatewayAs(lead).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("retiredId", duplicate))
                .post("/api/v1/practitioners/" + amira + "/merges")
                .then().statusCode(200);
        Run third = node("pull", "--state", state.toString());
        assertThat(third.exitCode()).as(third.output()).isZero();
        assertThat(items(third.output())).containsExactlyInAnyOrder(
                "practitioner upsert " + amira + " Amira Shah <mis-client-" + unique + "-1@demo.cpd.example> TEACHER school " + Stack.SCHOOL_URN,
                "practitioner merged " + duplicate + " -> " + amira);

        verifiesStandardWebhooksSignatures(dir);
    }

    private void verifiesStandardWebhooksSignatures(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String id = "msg_" + Long.toString(System.nanoTime(), 36);
        byte[] body = "{\"type\":\"practitioner.updated\",\"data\":{\"id\":\"30000000-0000-4000-8000-000000000003\",\"fullName\":\"Zoë\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Path bodyFile = dir.resolve("webhook.json");
        Files.write(bodyFile, body);
        long now = Instant.now().getEpochSecond();
        String signature = sign(key, id, now, body);

        Run valid = node("verify-webhook", "--secret", secret, "--id", id, "--timestamp", Long.toString(now),
                "--signature", signature, "--body", bodyFile.toString());
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("webhook signature: valid");

        // While a secret is rotated the header carries several signatures: any one of them is enough.
        Run rotated = node("verify-webhook", "--secret", secret, "--id", id, "--timestamp", Long.toString(now),
                "--signature", sign(new byte[32], id, now, body) + " " + signature, "--body", bodyFile.toString());
        assertThat(rotated.exitCode()).as(rotated.output()).isZero();

        byte[] tampered = body.clone();
        tampered[tampered.length - 3] ^= 0x01;
        Path tamperedFile = dir.resolve("webhook-tampered.json");
        Files.write(tamperedFile, tampered);
        Run changedByte = node("verify-webhook", "--secret", secret, "--id", id, "--timestamp", Long.toString(now),
                "--signature", signature, "--body", tamperedFile.toString());
        assertThat(changedByte.exitCode()).as(changedByte.output()).isEqualTo(1);
        assertThat(changedByte.output()).contains("INVALID");

        long tenMinutesAgo = now - 600;
        Run old = node("verify-webhook", "--secret", secret, "--id", id, "--timestamp", Long.toString(tenMinutesAgo),
                "--signature", sign(key, id, tenMinutesAgo, body), "--body", bodyFile.toString());
        assertThat(old.exitCode()).as(old.output()).isEqualTo(1);
        assertThat(old.output()).contains("INVALID", "old");
    }

    /** The Standard Webhooks signature: v1, then base64 of HMAC-SHA256 over "id.timestamp.body". */
    /** One request the local receiver got: its webhook-* headers and its body. */
    private record Delivery(String id, String timestamp, String signature, byte[] body) {
    }

    @Test
    void aWebhookFromTheSuiteArrivesSignedAndTheClientVerifiesIt() throws Exception {
        assertThat(CLI).as("the compiled client: run with -pl clients,deploy -Dtsc=<path to tsc>").exists();
        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Delivery(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String subscription = null;
        try {
            // The MIS client of the demo school subscribes; the local stack allow-lists loopback receivers.
            var created = Stack.gatewayAs(Stack.misToken()).contentType(ContentType.JSON).body(Map.of(
                            "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                            "eventTypes", List.of("cpd.directory.practitioner-registered.v2"),
                            "schoolUrn", Stack.SCHOOL_URN,
                            "description", "e2e receiver"))
                    .post("/api/v1/webhooks").then().statusCode(201).extract();
            subscription = created.path("id");
            String secret = created.path("secret");
            assertThat(secret).startsWith("whsec_");

            String practitioner = Stack.gatewayAs(Stack.tokenFor("lead")).contentType(ContentType.JSON).body(Map.of(
                            "fullName", "Webhook Newcomer", "email", "webhook-" + System.currentTimeMillis() + "@demo.cpd.example",
                            "schoolUrn", Stack.SCHOOL_URN, "careerStage", "TEACHER"))
                    .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");

            Delivery delivery = null;
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (delivery == null && System.nanoTime() < giveUp) {
                Delivery next = received.poll(1, TimeUnit.SECONDS);
                if (next != null && new String(next.body(), StandardCharsets.UTF_8).contains(practitioner)) {
                    delivery = next;
                }
            }
            assertThat(delivery).as("a delivery about the new practitioner within 60 s").isNotNull();
            String body = new String(delivery.body(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"type\":\"cpd.directory.practitioner-registered.v2\"").doesNotContain("Webhook Newcomer");

            Path file = Files.createTempFile("webhook-", ".json");
            Files.write(file, delivery.body());
            Run valid = node("verify-webhook", "--secret", secret, "--id", delivery.id(), "--timestamp", delivery.timestamp(),
                    "--signature", delivery.signature(), "--body", file.toString());
            assertThat(valid.exitCode()).as(valid.output()).isZero();
            Run otherSecret = node("verify-webhook", "--secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[24]),
                    "--id", delivery.id(), "--timestamp", delivery.timestamp(), "--signature", delivery.signature(),
                    "--body", file.toString());
            assertThat(otherSecret.exitCode()).as(otherSecret.output()).isEqualTo(1);

            // The receiver answered before the dispatcher recorded the attempt: the record follows within moments.
            String deliveries = "/api/v1/webhooks/" + subscription + "/deliveries";
            String status = "items.find { it.webhookId == '" + delivery.id() + "' }.status";
            Awaitility.await("the delivery recorded as delivered").atMost(Duration.ofSeconds(20))
                    .until(() -> "DELIVERED".equals(Stack.gatewayAs(Stack.misToken()).get(deliveries).path(status)));
        } finally {
            receiver.stop(0);
            if (subscription != null) {
                Stack.gatewayAs(Stack.misToken()).delete("/api/v1/webhooks/" + subscription);
            }
        }
    }

    private static String sign(byte[] key, String id, long timestamp, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /** Each row the sync printed: line, MIS staff id, outcome, practitioner id (or what stands for it). */
    private static List<List<String>> rows(String output) {
        List<List<String>> rows = new ArrayList<>();
        Matcher m = ROW.matcher(output);
        while (m.find()) {
            rows.add(List.of(m.group(1), m.group(2), m.group(3), m.group(4).trim()));
        }
        return rows;
    }

    /** Each feed item the pull printed. */
    private static List<String> items(String output) {
        List<String> items = new ArrayList<>();
        Matcher m = ITEM.matcher(output);
        while (m.find()) {
            items.add(m.group().trim());
        }
        return items;
    }

    private static Run node(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", CLI.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("mis-client-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "CPD_GATEWAY_URL", Stack.GATEWAY,
                "CPD_ISSUER_URL", Stack.ISSUER,
                "CPD_CLIENT_ID", Stack.MIS_CLIENT,
                "CPD_CLIENT_SECRET", Stack.MIS_SECRET));
        Process process = builder.start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf("[mis-client] %s%n%s%n", String.join(" ", args).replace(Stack.MIS_SECRET, "***"), output);
        assertThat(finished).as("mis-client %s finished within 2 minutes", args[0]).isTrue();
        return new Run(process.exitValue(), output);
    }
}
