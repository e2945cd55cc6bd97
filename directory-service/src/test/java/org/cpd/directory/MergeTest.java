package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Merging two records of one person (docs/adr/0017-merges-and-tombstones.md). */
@QuarkusTest
class MergeTest extends SchoolTest {

    Response merge(String token, UUID survivor, UUID retired) {
        String etag = Fixtures.etag(school.partnership().adminToken(), "/api/v1/practitioners/" + survivor);
        return as(token).header("If-Match", etag).body("{\"retiredId\":\"" + retired + "\"}")
                .post("/api/v1/practitioners/" + survivor + "/merges");
    }

    UUID withoutTrn() {
        String id = as(lead).body(Fixtures.practitionerJson("No Trn", Fixtures.uniqueEmail("notrn"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    JsonPath read(UUID id) {
        return as(lead).get("/api/v1/practitioners/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A partial staff sync of the school, by its MIS, of one teacher with this e-mail and no TRN. */
    ValidatableResponse syncOneRow(String misStaffId, String email) {
        return StaffSyncTest.sync(Tokens.mis(school.urn()), school.urn(), "?mode=partial",
                "misStaffId,fullName,email,role\n" + misStaffId + ",No Trn," + email + ",TEACHER\n");
    }

    void setManagers(UUID id, List<UUID> managers) {
        String etag = Fixtures.etag(lead, "/api/v1/practitioners/" + id);
        as(lead).header("If-Match", etag).body("{\"lineManagerIds\":" + PractitionerRulesTest.ids(managers) + ",\"appraiserIds\":[]}")
                .put("/api/v1/practitioners/" + id + "/line-management").then().statusCode(200);
    }

    @Test
    void survivorTakesTheMissingTrnAndTheRetiredRecordNamesIt() {
        UUID survivor = withoutTrn();
        UUID retired = Fixtures.practitioner(school);
        String trn = read(retired).getString("trn");

        merge(lead, survivor, retired).then().statusCode(200)
                .header("ETag", not(nullValue()))
                .body("id", equalTo(survivor.toString()))
                .body("trn", equalTo(trn))
                .body("active", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("mergedInto")));

        as(lead).get("/api/v1/practitioners/" + retired).then().statusCode(200)
                .body("id", equalTo(retired.toString()))
                .body("active", equalTo(false))
                .body("mergedInto", equalTo(survivor.toString()))
                .body("trn", nullValue());
        assertThat(Fixtures.count("audit_entry", "action = 'merge' and resource_id = ?1", retired.toString())).isEqualTo(1);
        assertThat(Fixtures.count("audit_entry", "action = 'merge' and resource_id = ?1", survivor.toString())).isEqualTo(1);
    }

    @Test
    void publishesPractitionerMergedOnceKeyedByTheRetiredId() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        merge(lead, survivor, retired).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = CloudEventsOnKafka.await(DirectoryEvents.TOPIC,
                r -> retired.toString().equals(r.key())
                        && DirectoryEvents.PRACTITIONER_MERGED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        assertThat(events.get(0).value()).contains(survivor.toString()).doesNotContain("fullName");
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type = '" + DirectoryEvents.PRACTITIONER_MERGED + "'",
                retired.toString())).isEqualTo(1);
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type = '" + DirectoryEvents.PRACTITIONER_DEACTIVATED + "'",
                retired.toString())).isEqualTo(1);
    }

    @Test
    void managersAndReportsOfTheRetiredRecordMoveToTheSurvivor() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        UUID report = Fixtures.practitioner(school);
        setManagers(retired, List.of(head));
        setManagers(report, List.of(retired));

        merge(lead, survivor, retired).then().statusCode(200)
                .body("lineManagerIds", contains(head.toString()));
        assertThat(read(report).getList("lineManagerIds")).containsExactly(survivor.toString());
        assertThat(read(retired).getList("lineManagerIds")).isEmpty();
    }

    @Test
    void relationshipsAndTimeGivenMoveToTheSurvivorsCpdRecordAndLaterEventsAreCreditedToIt() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        String relationship = UUID.randomUUID().toString();
        MatchingTest.relationshipEvent(org.cpd.contracts.relationships.RelationshipEvents.ACTIVATED, relationship, retired, "ACTIVE");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Fixtures.count("relationship_participation", "practitioner_id = ?1", retired) == 1);

        merge(lead, survivor, retired).then().statusCode(200);
        assertThat(Fixtures.count("relationship_participation", "practitioner_id = ?1", retired)).isZero();
        as(lead).get("/api/v1/cpd-records/" + survivor).then().statusCode(200)
                .body("supported.find { it.form == 'SPECIALIST_COACHING' }.current", equalTo(1));

        // relationships-service still names the retired id in this relationship's later events
        String conversation = "{\"conversationId\":\"" + UUID.randomUUID() + "\",\"relationshipId\":\"" + relationship + "\","
                + "\"form\":\"SPECIALIST_COACHING\",\"startsAt\":\"2026-09-08T15:30:00Z\",\"durationMinutes\":60,"
                + "\"supporterId\":\"" + retired + "\",\"coachId\":\"" + retired + "\",\"participants\":[],"
                + "\"agendaOwner\":\"SHARED\",\"activities\":[]}";
        CloudEventsOnKafka.send(org.cpd.contracts.relationships.RelationshipEvents.TOPIC,
                org.cpd.contracts.relationships.RelationshipEvents.CONVERSATION_RECORDED,
                org.cpd.contracts.relationships.RelationshipEvents.SOURCE, relationship, conversation);
        float hours = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> as(lead).get("/api/v1/cpd-records/" + survivor).then().statusCode(200).extract()
                        .<Float>path("totalHoursGiven"), h -> h != 0);
        assertThat(hours).isEqualTo(1.0f);
        assertThat(Fixtures.count("relationship_participation", "practitioner_id = ?1", retired)).isZero();
    }

    @Test
    void theSurvivorTakesTheRetiredRecordsMisStaffId() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        String email = read(retired).getString("email");
        syncOneRow("MRG1", email).statusCode(201);

        merge(lead, survivor, retired).then().statusCode(200);
        assertThat(Fixtures.count("practitioner_mis_id", "practitioner_id = ?1", survivor)).isEqualTo(1);
        assertThat(Fixtures.count("practitioner_mis_id", "practitioner_id = ?1", retired)).isZero();
    }

    @Test
    void aStaffSyncRowNamingTheRetiredRecordsEmailIsRejectedNotReactivated() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        String email = read(retired).getString("email");
        merge(lead, survivor, retired).then().statusCode(200);

        syncOneRow("MRG2", email).statusCode(201).body("rejected", equalTo(1)).body("created", equalTo(0));
        assertThat(read(retired).getBoolean("active")).isFalse();
    }

    @Test
    void conflictingTrnsAreRefusedAndNothingChanges() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = Fixtures.practitioner(school);

        merge(lead, survivor, retired).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:conflicting-trn"));
        assertThat(read(retired).getBoolean("active")).isTrue();
        assertThat(Fixtures.count("audit_entry", "action = 'merge' and resource_id = ?1", survivor.toString())).isZero();
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type = '" + DirectoryEvents.PRACTITIONER_MERGED + "'",
                retired.toString())).isZero();
    }

    @Test
    void aRecordCannotBeMergedIntoItself() {
        UUID person = Fixtures.practitioner(school);
        merge(lead, person, person).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:merge-into-itself"));
    }

    @Test
    void mergingTheSameRecordTwiceIsAConflict() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        merge(lead, survivor, retired).then().statusCode(200);
        merge(lead, survivor, retired).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:already-merged"))
                .body("mergedInto", equalTo(survivor.toString()));
        merge(lead, retired, Fixtures.practitioner(school)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:already-merged"));
    }

    /**
     * Two merges sent at the same moment, each with the ETag it read before either ran; the statuses, in the order
     * given.
     */
    List<Response> atOnce(UUID survivor1, UUID retired1, UUID survivor2, UUID retired2) throws Exception {
        String admin = school.partnership().adminToken();
        String etag1 = Fixtures.etag(admin, "/api/v1/practitioners/" + survivor1);
        String etag2 = Fixtures.etag(admin, "/api/v1/practitioners/" + survivor2);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Response> first = two.submit(() -> {
                start.await();
                return as(lead).header("If-Match", etag1).body("{\"retiredId\":\"" + retired1 + "\"}")
                        .post("/api/v1/practitioners/" + survivor1 + "/merges");
            });
            Future<Response> second = two.submit(() -> {
                start.await();
                return as(admin).header("If-Match", etag2).body("{\"retiredId\":\"" + retired2 + "\"}")
                        .post("/api/v1/practitioners/" + survivor2 + "/merges");
            });
            start.countDown();
            return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        } finally {
            two.shutdownNow();
        }
    }

    /** Exactly one merge wins; the other is a conflict (or, its survivor having been merged away, a stale ETag). */
    static int winner(List<Response> responses) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).as("statuses of two concurrent merges").containsOnlyOnce(200).doesNotContain(500);
        int winner = statuses.indexOf(200);
        Response loser = responses.get(1 - winner);
        assertThat(loser.statusCode()).as("the losing merge").isIn(409, 412);
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(loser.jsonPath().getString("type")).isIn("urn:cpd:problem:already-merged", "urn:cpd:problem:precondition-failed");
        return winner;
    }

    @Test
    void twoMergesOfOneRecordIntoTwoOthersAtOnceMergeItOnceAndLeaveNoChain() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID retired = withoutTrn();
            UUID survivor1 = Fixtures.practitioner(school);
            UUID survivor2 = withoutTrn();

            int winner = winner(atOnce(survivor1, retired, survivor2, retired));

            UUID won = winner == 0 ? survivor1 : survivor2;
            UUID lost = winner == 0 ? survivor2 : survivor1;
            assertThat(read(retired).getString("mergedInto")).isEqualTo(won.toString());
            JsonPath survivor = read(won);
            assertThat(survivor.getBoolean("active")).isTrue();
            assertThat(survivor.getString("mergedInto")).isNull();
            JsonPath other = read(lost);
            assertThat(other.getBoolean("active")).isTrue();
            assertThat(other.getString("mergedInto")).isNull();
            assertThat(Fixtures.count("audit_entry", "action = 'merge' and resource_id = ?1", retired.toString())).isEqualTo(1);
        }
    }

    @Test
    void twoRecordsMergedIntoEachOtherAtOnceEndAsOneMergeNeverAsACycle() throws Exception {
        for (int round = 0; round < 5; round++) {
            UUID a = Fixtures.practitioner(school);
            UUID b = withoutTrn();

            int winner = winner(atOnce(b, a, a, b));

            UUID survivor = winner == 0 ? b : a;
            UUID retired = winner == 0 ? a : b;
            assertThat(read(retired).getString("mergedInto")).isEqualTo(survivor.toString());
            assertThat(read(retired).getBoolean("active")).isFalse();
            JsonPath kept = read(survivor);
            assertThat(kept.getBoolean("active")).isTrue();
            assertThat(kept.getString("mergedInto")).isNull();
            assertThat(Fixtures.count("audit_entry", "action = 'merge' and resource_id = ?1", survivor.toString())).isEqualTo(1);
        }
    }

    @Test
    void aMergedRecordIsNotChangedAnyMore() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        merge(lead, survivor, retired).then().statusCode(200);
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + retired))
                .body("{\"lineManagerIds\":[],\"appraiserIds\":[]}")
                .put("/api/v1/practitioners/" + retired + "/line-management").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:already-merged"))
                .body("mergedInto", equalTo(survivor.toString()));
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + retired))
                .body(Fixtures.practitionerJson("Back Again", Fixtures.uniqueEmail("back"), null, school.urn(), "TEACHER"))
                .put("/api/v1/practitioners/" + retired).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:already-merged"));
    }

    @Test
    void requiresTheSurvivorsETag() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        as(lead).body("{\"retiredId\":\"" + retired + "\"}").post("/api/v1/practitioners/" + survivor + "/merges")
                .then().statusCode(428);
        as(lead).header("If-Match", "\"999\"").body("{\"retiredId\":\"" + retired + "\"}")
                .post("/api/v1/practitioners/" + survivor + "/merges").then().statusCode(412);
        assertThat(read(retired).getBoolean("active")).isTrue();
    }

    @Test
    void aMissingRetiredIdIsABadRequest() {
        UUID survivor = Fixtures.practitioner(school);
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + survivor)).body("{}")
                .post("/api/v1/practitioners/" + survivor + "/merges").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyThoseWhoManageBothRecordsMayMergeOthersGet404() {
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        Fixtures.School otherSchool = Fixtures.school();
        UUID outsider = Fixtures.practitioner(otherSchool);

        merge(otherSchool.leadToken(), survivor, retired).then().statusCode(404);
        merge(otherSchool.partnership().adminToken(), survivor, retired).then().statusCode(404);
        merge(lead, survivor, outsider).then().statusCode(404).contentType("application/problem+json");
        merge(Tokens.practitioner(survivor, school.urn()), survivor, retired).then().statusCode(403);
        merge(Tokens.mis(school.urn()), survivor, retired).then().statusCode(403);
        assertThat(read(retired).getBoolean("active")).isTrue();
    }

    @Test
    void recordsOfDifferentPartnershipsAreNotMergedEvenByAnAdminOfBoth() {
        UUID survivor = Fixtures.practitioner(school);
        Fixtures.School otherSchool = Fixtures.school();
        UUID retired = Fixtures.practitioner(otherSchool);
        as(otherSchool.leadToken()).get("/api/v1/practitioners/" + retired).then().statusCode(200);
        String both = Fixtures.adminOf(school.partnership().id(), otherSchool.partnership().id());
        String etag = Fixtures.etag(both, "/api/v1/practitioners/" + survivor);
        as(both).header("If-Match", etag).body("{\"retiredId\":\"" + retired + "\"}")
                .post("/api/v1/practitioners/" + survivor + "/merges").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:merge-across-partnerships"));
    }

    @Test
    void theAdminOfThePartnershipMergesAcrossItsSchools() {
        UUID survivor = Fixtures.practitioner(school);
        Fixtures.School second = Fixtures.school(school.partnership());
        String id = as(second.leadToken())
                .body(Fixtures.practitionerJson("Moved", Fixtures.uniqueEmail("moved"), null, second.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        UUID retired = UUID.fromString(id);

        merge(lead, survivor, retired).then().statusCode(404); // a lead of one of the two schools only
        merge(school.partnership().adminToken(), survivor, retired).then().statusCode(200);
    }

    @Test
    void feedsShowDeactivatedAndMergedRecordsAsTombstonesInOrder() {
        Instant since = Instant.now();
        UUID leaver = Fixtures.practitioner(school);
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = withoutTrn();
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + leaver))
                .post("/api/v1/practitioners/" + leaver + "/deactivation").then().statusCode(200);
        merge(lead, survivor, retired).then().statusCode(200);

        JsonPath page = as(lead).queryParam("updatedSince", since.toString()).queryParam("schoolUrn", school.urn())
                .queryParam("limit", 100)
                .get("/api/v1/practitioners").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        assertThat(items).extracting(i -> i.get("id")).contains(leaver.toString(), survivor.toString(), retired.toString());
        Map<String, Object> tombstone = items.stream().filter(i -> i.get("id").equals(retired.toString())).findFirst().orElseThrow();
        assertThat(tombstone).containsEntry("active", false).containsEntry("mergedInto", survivor.toString());
        Map<String, Object> left = items.stream().filter(i -> i.get("id").equals(leaver.toString())).findFirst().orElseThrow();
        assertThat(left).containsEntry("active", false).doesNotContainKey("mergedInto");
        List<String> order = items.stream().map(i -> i.get("updatedAt") + " " + i.get("id")).toList();
        assertThat(order).isSortedAccordingTo((a, b) -> {
            int byTime = Instant.parse(a.split(" ")[0]).compareTo(Instant.parse(b.split(" ")[0]));
            return byTime != 0 ? byTime : a.split(" ")[1].compareTo(b.split(" ")[1]);
        });
        // the merge is the latest change of the two records it touched: both come after the deactivation
        List<Object> ids = items.stream().map(i -> i.get("id")).toList();
        assertThat(ids.indexOf(retired.toString())).isGreaterThan(ids.indexOf(leaver.toString()));
        assertThat(ids.indexOf(survivor.toString())).isGreaterThan(ids.indexOf(leaver.toString()));

        as(lead).queryParam("active", false).queryParam("schoolUrn", school.urn()).get("/api/v1/practitioners").then()
                .statusCode(200).body("items.id", hasItem(retired.toString()));
    }
}
