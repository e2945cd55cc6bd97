package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end (docs/integrations.md#webhooks): the URL rules, who may manage a subscription, and events of the
 * directory and relationships topics arriving signed at a local receiver (127.0.0.1, allow-listed in %test), with
 * retries, replay and secret rotation.
 */
@QuarkusTest
class WebhookTest {

    static WebhookReceiver receiver;

    @jakarta.inject.Inject
    org.cpd.commons.privacy.Retention retention;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static String path() {
        return "/hook-" + UUID.randomUUID();
    }

    private static String lead(Fixtures.School school) {
        return Tokens.builder().roles("school-lead", "practitioner").practitioner(UUID.randomUUID()).schools(school.urn())
                .partnerships(school.partnership().id()).build();
    }

    private static String mis(Fixtures.School school, String client) {
        return Tokens.builder().roles("mis-integration").client(client).schools(school.urn()).partnerships(school.partnership().id()).build();
    }

    private static String schoolWebhook(String url, String urn, String... types) {
        return "{\"url\":\"" + url + "\",\"schoolUrn\":\"" + urn + "\",\"eventTypes\":" + list(types) + "}";
    }

    private static String partnershipWebhook(String url, UUID partnership, String... types) {
        return "{\"url\":\"" + url + "\",\"partnershipId\":\"" + partnership + "\",\"eventTypes\":" + list(types) + "}";
    }

    private static String list(String... values) {
        return java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** Registers; answers {id, secret}. */
    private static JsonPath register(String token, String body) {
        return as(token).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    @Test
    void eachUrlRuleAndAnUnknownEventTypeIsA422OfItsOwn() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        long before = Fixtures.count("webhook_subscription");
        String type = DirectoryEvents.PRACTITIONER_REGISTERED;
        refused(lead, schoolWebhook("http://mis.example.org/hook", school.urn(), type), "webhook-url-not-https");
        // 127.0.0.1 itself is this profile's allow-listed receiver (WebhookUrlRuleTest refuses it without the list)
        refused(lead, schoolWebhook("https://127.0.0.2/hook", school.urn(), type), "webhook-host-loopback");
        refused(lead, schoolWebhook("https://10.20.30.40/hook", school.urn(), type), "webhook-host-private");
        refused(lead, schoolWebhook("https://192.168.1.20/hook", school.urn(), type), "webhook-host-private");
        refused(lead, schoolWebhook("https://[::1]/hook", school.urn(), type), "webhook-host-loopback");
        refused(lead, schoolWebhook("https://169.254.169.254/latest", school.urn(), type), "webhook-host-link-local");
        refused(lead, schoolWebhook("https://100.64.1.1/hook", school.urn(), type), "webhook-host-carrier-grade-nat");
        refused(lead, schoolWebhook(receiver.url("/hook").replace("://", "://user:secret@"), school.urn(), type), "webhook-url-userinfo");
        refused(lead, schoolWebhook(receiver.url("/hook") + "#part", school.urn(), type), "webhook-url-fragment");
        refused(lead, schoolWebhook(receiver.url("/hook"), school.urn(), type, "cpd.directory.no-such-thing.v1"), "unknown-event-type");
        refused(lead, schoolWebhook(receiver.url("/hook"), school.urn(), DirectoryEvents.PRACTITIONER_REGISTERED_V1), "unknown-event-type");
        assertThat(Fixtures.count("webhook_subscription")).isEqualTo(before);

        // the allow-listed local receiver is accepted, http included; a change is checked as a registration is
        String id = register(lead, schoolWebhook(receiver.url("/hook"), school.urn(), type)).getString("id");
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/webhooks/" + id))
                .body("{\"url\":\"https://192.168.0.1/x\",\"eventTypes\":[\"" + type + "\"]}")
                .put("/api/v1/webhooks/" + id).then().statusCode(422).body("type", equalTo("urn:cpd:problem:webhook-host-private"));
    }

    private static void refused(String token, String body, String slug) {
        as(token).body(body).post("/api/v1/webhooks").then().statusCode(422)
                .body("type", equalTo("urn:cpd:problem:" + slug));
    }

    @Test
    void subscriptionsAreManagedByTheirPartnershipsAdminsAndTheirSchoolsLeadsAndMisClients() {
        Fixtures.School school = Fixtures.school();
        Fixtures.School other = Fixtures.school();
        String admin = school.partnership().adminToken();
        String lead = lead(school);
        String type = DirectoryEvents.PRACTITIONER_UPDATED;

        String ofPartnership = register(admin, partnershipWebhook(receiver.url(path()), school.partnership().id(), type)).getString("id");
        String ofSchool = register(lead, schoolWebhook(receiver.url(path()), school.urn(), type)).getString("id");
        String ofMis = register(mis(school, "mis-a"), schoolWebhook(receiver.url(path()), school.urn(), type)).getString("id");

        // scopes the caller does not manage do not exist for them
        as(admin).body(schoolWebhook(receiver.url(path()), school.urn(), type)).post("/api/v1/webhooks").then().statusCode(404);
        as(lead).body(partnershipWebhook(receiver.url(path()), school.partnership().id(), type)).post("/api/v1/webhooks").then().statusCode(404);
        as(lead(other)).body(schoolWebhook(receiver.url(path()), school.urn(), type)).post("/api/v1/webhooks").then().statusCode(404);
        as(Tokens.practitioner(UUID.randomUUID(), school.urn())).body(schoolWebhook(receiver.url(path()), school.urn(), type))
                .post("/api/v1/webhooks").then().statusCode(403);
        as(lead).body("{\"url\":\"" + receiver.url("/x") + "\",\"eventTypes\":[\"" + type + "\"]}").post("/api/v1/webhooks")
                .then().statusCode(400);

        // reading: the secret never again; someone else's subscription is a 404
        as(lead).get("/api/v1/webhooks/" + ofMis).then().statusCode(200).body("schoolUrn", equalTo(school.urn()))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        as(mis(school, "mis-a")).get("/api/v1/webhooks/" + ofSchool).then().statusCode(200);
        as(admin).get("/api/v1/webhooks/" + ofPartnership).then().statusCode(200);
        as(admin).get("/api/v1/webhooks/" + ofSchool).then().statusCode(404);
        as(lead(other)).get("/api/v1/webhooks/" + ofSchool).then().statusCode(404);
        as(mis(other, "mis-b")).get("/api/v1/webhooks/" + ofSchool).then().statusCode(404);
        as(other.partnership().adminToken()).get("/api/v1/webhooks/" + ofPartnership).then().statusCode(404);
        as(lead(other)).delete("/api/v1/webhooks/" + ofSchool).then().statusCode(404);
        as(mis(other, "mis-b")).post("/api/v1/webhooks/" + ofSchool + "/secret").then().statusCode(404);

        // lists show the caller's own scopes only
        List<String> leadSees = as(lead).get("/api/v1/webhooks?limit=200").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(leadSees).contains(ofSchool, ofMis).doesNotContain(ofPartnership);
        List<String> adminSees = as(admin).get("/api/v1/webhooks?limit=200").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(adminSees).contains(ofPartnership).doesNotContain(ofSchool, ofMis);
        assertThat(as(lead(other)).get("/api/v1/webhooks?limit=200").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).doesNotContain(ofSchool, ofMis, ofPartnership);

        // changes need If-Match, are audited, and a deletion is final
        String change = "{\"url\":\"" + receiver.url(path()) + "\",\"eventTypes\":[\"" + type + "\"],\"description\":\"renamed\",\"active\":false}";
        as(lead).body(change).put("/api/v1/webhooks/" + ofSchool).then().statusCode(428);
        as(lead).header("If-Match", "\"99\"").body(change).put("/api/v1/webhooks/" + ofSchool).then().statusCode(412);
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/webhooks/" + ofSchool)).body(change)
                .put("/api/v1/webhooks/" + ofSchool).then().statusCode(200).body("active", equalTo(false))
                .body("description", equalTo("renamed"));
        as(lead).post("/api/v1/webhooks/" + ofSchool + "/secret").then().statusCode(200).body("secret", startsWith("whsec_"));
        as(lead).delete("/api/v1/webhooks/" + ofSchool).then().statusCode(204);
        as(lead).get("/api/v1/webhooks/" + ofSchool).then().statusCode(404);
        assertThat(Fixtures.count("audit_entry", "resource_id = ?1", ofSchool)).isEqualTo(4); // create, update, rotate, delete
    }

    @Test
    void aDirectoryWriteArrivesSignedAtTheSubscribersOfItsSchoolAndPartnershipOnly() throws Exception {
        Fixtures.School school = Fixtures.school();
        Fixtures.School other = Fixtures.school();
        String type = DirectoryEvents.PRACTITIONER_REGISTERED;
        String atSchool = path();
        String atPartnership = path();
        String atOther = path();
        String secret = register(lead(school), schoolWebhook(receiver.url(atSchool), school.urn(), type)).getString("secret");
        register(school.partnership().adminToken(), partnershipWebhook(receiver.url(atPartnership), school.partnership().id(), type));
        String otherId = register(lead(other), schoolWebhook(receiver.url(atOther), other.urn(), type)).getString("id");

        UUID person = Fixtures.practitioner(school);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(atSchool).size() == 1 && receiver.at(atPartnership).size() == 1);
        WebhookReceiver.Received got = receiver.at(atSchool).get(0);
        assertThat(got.header("webhook-id")).startsWith("msg_");
        long timestamp = Long.parseLong(got.header("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        assertThat(got.header("webhook-signature").split(" ")).containsExactly(
                expectedSignature(secret, got.header("webhook-id"), got.header("webhook-timestamp"), got.body()));
        assertThat(got.header("content-type")).startsWith("application/cloudevents+json");

        JsonPath event = new JsonPath(got.body());
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("type")).isEqualTo(type);
        assertThat(event.getString("source")).isEqualTo(DirectoryEvents.SOURCE);
        assertThat(event.getString("subject")).isEqualTo(person.toString());
        assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(event.getString("time")).isNotBlank();
        assertThat(event.getString("id")).isNotBlank();
        assertThat(event.getString("data.id")).isEqualTo(person.toString());
        assertThat(event.getString("data.schoolUrn")).isEqualTo(school.urn());
        assertThat(got.body()).doesNotContain("fullName").doesNotContain("@school.example");

        // the other school's subscriber gets nothing: a later event of its own school shows its consumer had caught up
        Fixtures.practitioner(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(atOther).size() == 1);
        assertThat(new JsonPath(receiver.at(atOther).get(0).body()).getString("data.schoolUrn")).isEqualTo(other.urn());
        assertThat(Fixtures.count("webhook_delivery", "subscription_id = cast(?1 as uuid)", otherId)).isEqualTo(1);
    }

    /** The Standard Webhooks signature, computed here from the spec rather than by the code under test. */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFailedAttemptIsRetriedWithTheSameIdAndEveryAttemptIsRecorded() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String at = path();
        receiver.answer(at, 500);
        String id = register(lead, schoolWebhook(receiver.url(at), school.urn(), DirectoryEvents.PRACTITIONER_REGISTERED)).getString("id");
        Fixtures.practitioner(school);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(at).size() == 2);
        assertThat(receiver.at(at).get(1).header("webhook-id")).isEqualTo(receiver.at(at).get(0).header("webhook-id"));
        assertThat(receiver.at(at).get(1).body()).isEqualTo(receiver.at(at).get(0).body());

        JsonPath page = await().atMost(Duration.ofSeconds(10)).until(() -> as(lead).get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath(), p -> "DELIVERED".equals(p.getString("items[0].status")));
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getInt("items[0].attempts")).isEqualTo(2);
        String delivery = page.getString("items[0].id");
        JsonPath detail = as(lead).get("/api/v1/webhooks/" + id + "/deliveries/" + delivery).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getList("attempts.statusCode", Integer.class)).containsExactly(500, 200);
        assertThat(detail.getString("attempts[0].error")).isEqualTo("HTTP 500");
        assertThat(detail.getString("delivery.webhookId")).isEqualTo(receiver.at(at).get(0).header("webhook-id"));

        // replay: one more attempt, the same webhook-id
        as(lead).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay").then().statusCode(202)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(at).size() == 3);
        assertThat(receiver.at(at).get(2).header("webhook-id")).isEqualTo(receiver.at(at).get(0).header("webhook-id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> as(lead).get("/api/v1/webhooks/" + id + "/deliveries/" + delivery)
                .then().statusCode(200).extract().jsonPath().getList("attempts").size() == 3);
        // someone else's delivery does not exist for them
        as(lead(Fixtures.school())).post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/replay").then().statusCode(404);
        as(lead).get("/api/v1/webhooks/" + id + "/deliveries/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aReceiverThatNeverAnswers2xxEndsFailedAfterTheLastAttempt() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String at = path();
        receiver.answer(at, 503, 503, 503, 503);
        String id = register(lead, schoolWebhook(receiver.url(at), school.urn(), DirectoryEvents.PRACTITIONER_REGISTERED)).getString("id");
        Fixtures.practitioner(school);
        JsonPath page = await().atMost(Duration.ofSeconds(30)).until(() -> as(lead).get("/api/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath(), p -> "FAILED".equals(p.getString("items[0].status")));
        assertThat(page.getInt("items[0].attempts")).isEqualTo(3); // %test max-attempts
        assertThat(receiver.at(at)).hasSize(3);
    }

    @Test
    void aSlowReceiverHoldsBackNeitherTheDeliveriesOfOtherSubscriptionsNorItsWorkerForLong() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String slow = path();
        String fast = path();
        receiver.delay(slow, Duration.ofSeconds(5)); // beyond %test read-timeout (2 s): each attempt times out
        String slowId = register(lead, schoolWebhook(receiver.url(slow), school.urn(), RelationshipEvents.PROPOSAL_REMINDER)).getString("id");
        String fastId = register(lead, schoolWebhook(receiver.url(fast), school.urn(), RelationshipEvents.PROPOSAL_REMINDER)).getString("id");
        // three deliveries to the slow receiver fell due first: sent one after another they would hold the fast one >= 6 s
        QuarkusTransaction.requiringNew().run(() -> {
            due(slowId, "3 seconds");
            due(slowId, "2 seconds");
            due(slowId, "1 second");
            due(fastId, "0 seconds");
        });

        await().atMost(Duration.ofMillis(1500)).until(() -> receiver.at(fast).size() == 1);
        assertThat(receiver.at(slow)).as("one delivery of a subscription at a time").hasSizeLessThanOrEqualTo(1);

        // the slow receiver's attempt is given up within the read timeout, not when it would have answered
        await().atMost(Duration.ofMillis(4500)).until(() -> Fixtures.count("webhook_attempt a join webhook_delivery d on d.id = a.delivery_id",
                "d.subscription_id = cast(?1 as uuid)", slowId) >= 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> (String) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select a.error from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id "
                        + "where d.subscription_id = cast(?1 as uuid) order by a.attempted_at limit 1")
                .setParameter(1, slowId).getSingleResult())).contains("HttpTimeoutException");
        as(lead).delete("/api/v1/webhooks/" + slowId).then().statusCode(204); // no more retries to it
    }

    /** A pending delivery due {@code ago}, in the caller's transaction. */
    private static void due(String webhookId, String ago) {
        Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("insert into webhook_delivery (id, created_at, updated_at, subscription_id, event_id, event_type, "
                        + "body, status, next_attempt_at) values (?1, now(), now(), cast(?2 as uuid), ?3, "
                        + "'cpd.relationships.relationship-proposal-reminder.v1', '{}', 'PENDING', now() - cast(?4 as interval))")
                .setParameter(1, UUID.randomUUID()).setParameter(2, webhookId).setParameter(3, UUID.randomUUID().toString())
                .setParameter(4, ago).executeUpdate();
    }

    @Test
    void duringTheGracePeriodDeliveriesAreSignedWithBothSecretsThenWithTheNewOne() throws Exception {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String at = path();
        JsonPath created = register(lead, schoolWebhook(receiver.url(at), school.urn(), DirectoryEvents.PRACTITIONER_REGISTERED));
        String id = created.getString("id");
        String oldSecret = created.getString("secret");
        JsonPath rotated = as(lead).post("/api/v1/webhooks/" + id + "/secret").then().statusCode(200).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.getString("previousSecretExpiresAt"))).isAfter(Instant.now().plus(Duration.ofHours(23)));

        Fixtures.practitioner(school);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(at).size() == 1);
        WebhookReceiver.Received first = receiver.at(at).get(0);
        assertThat(first.header("webhook-signature").split(" ")).containsExactlyInAnyOrder(
                expectedSignature(newSecret, first.header("webhook-id"), first.header("webhook-timestamp"), first.body()),
                expectedSignature(oldSecret, first.header("webhook-id"), first.header("webhook-timestamp"), first.body()));

        // the grace period over: the new secret alone
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update webhook_subscription set previous_secret_until = now() - interval '1 second' where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());
        Fixtures.practitioner(school);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(at).size() == 2);
        WebhookReceiver.Received second = receiver.at(at).get(1);
        assertThat(second.header("webhook-signature").split(" ")).containsExactly(
                expectedSignature(newSecret, second.header("webhook-id"), second.header("webhook-timestamp"), second.body()));
    }

    @Test
    void aRelationshipEventReachesTheSchoolOfItsParticipantsOnceEvenWhenRedelivered() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String at = path();
        String id = register(lead, schoolWebhook(receiver.url(at), school.urn(), RelationshipEvents.CONVERSATION_PLANNED)).getString("id");
        UUID learner = Fixtures.practitioner(school);
        UUID relationship = UUID.randomUUID();
        String data = "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"relationshipId\":\"" + relationship
                + "\",\"form\":\"MENTORING\",\"startsAt\":\"2026-12-10T15:30:00Z\",\"participants\":[\"" + learner + "\",\""
                + UUID.randomUUID() + "\"]}";
        String eventId = UUID.randomUUID().toString();
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, eventId, RelationshipEvents.CONVERSATION_PLANNED, RelationshipEvents.SOURCE,
                relationship.toString(), data);
        CloudEventsOnKafka.send(RelationshipEvents.TOPIC, eventId, RelationshipEvents.CONVERSATION_PLANNED, RelationshipEvents.SOURCE,
                relationship.toString(), data);
        // a later event of the same key (same partition) shows both copies were consumed
        String later = CloudEventsOnKafka.send(RelationshipEvents.TOPIC, RelationshipEvents.CONVERSATION_PLANNED, RelationshipEvents.SOURCE,
                relationship.toString(), data);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(at).stream().anyMatch(r -> r.body().contains(later)));
        assertThat(receiver.at(at).stream().filter(r -> r.body().contains(eventId)).count()).isEqualTo(1);
        assertThat(Fixtures.count("webhook_delivery", "event_id = ?1", eventId)).isEqualTo(1);
        assertThat(Fixtures.count("webhook_delivery", "subscription_id = cast(?1 as uuid)", id)).isEqualTo(2);
    }

    @Test
    void finishedDeliveriesAreDeletedWithTheirAttemptsAfterNinetyDays() {
        Fixtures.School school = Fixtures.school();
        String lead = lead(school);
        String admin = school.partnership().adminToken();
        String id = register(lead, schoolWebhook(receiver.url(path()), school.urn(), RelationshipEvents.PROPOSAL_REMINDER)).getString("id");
        UUID old = delivery(id, "DELIVERED", "100 days");
        UUID oldPending = delivery(id, "PENDING", "100 days");
        UUID recent = delivery(id, "FAILED", "10 days");
        String due = "kinds.find { it.kind == 'webhook-deliveries' }";
        as(admin).get("/api/v1/privacy/retention").then().statusCode(200)
                .body(due + ".retention", equalTo("PT2160H")).body(due + ".due", equalTo(1));

        assertThat(retention.sweep("webhook-deliveries", Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(Fixtures.count("webhook_delivery", "id = ?1", old)).isZero();
        assertThat(Fixtures.count("webhook_attempt", "delivery_id = ?1", old)).isZero();
        assertThat(Fixtures.count("webhook_delivery", "id = ?1", oldPending)).as("a pending delivery is never due").isOne();
        assertThat(Fixtures.count("webhook_delivery", "id = ?1", recent)).isOne();
        assertThat(Fixtures.count("audit_entry", "resource_id = ?1", "retention:webhook-deliveries")).isPositive();
        as(admin).get("/api/v1/privacy/retention").then().statusCode(200).body(due + ".due", equalTo(0));
    }

    /** A delivery (with one attempt) last changed {@code ago}; a pending one is due only in a year, so nothing sends it. */
    private static UUID delivery(String webhookId, String status, String ago) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("insert into webhook_delivery (id, created_at, updated_at, subscription_id, event_id, event_type, "
                            + "body, status, attempts, next_attempt_at) values (?1, now() - cast(?4 as interval), now() - cast(?4 as interval), "
                            + "cast(?2 as uuid), ?3, 'cpd.relationships.relationship-proposal-reminder.v1', '{}', ?5, 1, "
                            + "case when ?5 = 'PENDING' then now() + interval '365 days' end)")
                    .setParameter(1, id).setParameter(2, webhookId).setParameter(3, UUID.randomUUID().toString())
                    .setParameter(4, ago).setParameter(5, status).executeUpdate();
            em.createNativeQuery("insert into webhook_attempt (id, created_at, updated_at, delivery_id, attempted_at, status_code, duration_ms) "
                            + "values (?1, now(), now(), ?2, now() - cast(?3 as interval), 200, 12)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, id).setParameter(3, ago).executeUpdate();
        });
        return id;
    }
}
