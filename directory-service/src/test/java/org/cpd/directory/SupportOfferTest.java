package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupportOfferTest {

    static final String PROBLEM = "application/problem+json";

    Fixtures.School school;
    UUID mentor;
    String self;

    @BeforeEach
    void mentor() {
        school = Fixtures.school();
        mentor = Fixtures.practitioner(school, "MIDDLE_LEADER");
        self = Tokens.practitioner(mentor, school.urn());
    }

    static String offer(int mentoring, int coaching, String... codes) {
        String expertise = String.join(",", java.util.Arrays.stream(codes).map(c -> "\"" + c + "\"").toList());
        return "{\"forms\":[{\"form\":\"MENTORING\",\"capacity\":" + mentoring + ",\"accreditation\":\"ITE mentor\"},"
                + "{\"form\":\"SPECIALIST_COACHING\",\"capacity\":" + coaching + "}],"
                + "\"mentoringPurposes\":[\"INDUCTION\"],\"expertiseCodes\":[" + expertise + "],"
                + "\"availability\":{\"terms\":[\"AUTUMN\"],\"weekdays\":[\"TUESDAY\"]},"
                + "\"workModes\":[\"OWN_SCHOOL\",\"PARTNERSHIP_TRAVEL\"],\"profile\":\"Maths lead\"}";
    }

    @Test
    void aPractitionerPublishesTheirOfferAndCapacityIsAnnounced() {
        as(self).body(offer(2, 3, "ASSESSMENT_FOR_LEARNING")).put("/api/v1/support-offers/" + mentor)
                .then().statusCode(200).body("forms.size()", equalTo(2))
                .body("forms[0].freeCapacity", equalTo(2))
                .body("expertiseCodes", hasItem("ASSESSMENT_FOR_LEARNING"));
        String data = CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> mentor.toString().equals(r.key())
                && DirectoryEvents.CAPACITY_CHANGED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1).get(0).value();
        assertThat(data).contains("\"MENTORING\":2").contains("\"SPECIALIST_COACHING\":3");
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> mentor.toString().equals(r.key())
                && DirectoryEvents.SUPPORT_OFFER_PUBLISHED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
    }

    @Test
    void capacityAboveFiftyOrBelowZeroIsRefused() {
        as(self).body(offer(51, -1)).put("/api/v1/support-offers/" + mentor)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.size()", equalTo(2))
                .body("errors.field", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.containsString("capacity")));
        assertThat(Fixtures.count("support_offer", "id = ?1", mentor)).isZero();
    }

    @Test
    void capacityGivenAsTextIsRefused() {
        as(self).body(offer(2, 2).replace("\"capacity\":2", "\"capacity\":\"two\""))
                .put("/api/v1/support-offers/" + mentor)
                .then().statusCode(400).contentType(PROBLEM);
        assertThat(Fixtures.count("support_offer", "id = ?1", mentor)).isZero();
    }

    @Test
    void unknownExpertiseCodeIsRefused() {
        as(self).body(offer(1, 1, "ASSESSMENT_FOR_LEARNING", "JUGGLING")).put("/api/v1/support-offers/" + mentor)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("expertiseCodes"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("JUGGLING")));
        assertThat(Fixtures.count("support_offer", "id = ?1", mentor)).isZero();
    }

    @Test
    void replacingNeedsIfMatchAndStaleChangesNothing() {
        String path = "/api/v1/support-offers/" + mentor;
        as(self).body(offer(2, 2)).put(path).then().statusCode(200);
        as(self).body(offer(5, 5)).put(path).then().statusCode(428);
        as(self).header("If-Match", "\"77\"").body(offer(5, 5)).put(path).then().statusCode(412);
        as(self).get(path).then().statusCode(200).body("forms[0].capacity", equalTo(2));
        String etag = Fixtures.etag(self, path);
        as(self).header("If-Match", etag).body(offer(4, 2)).put(path).then().statusCode(200).body("forms[0].capacity", equalTo(4));
    }

    @Test
    void pausedOffersLeaveSearchAndAreAnnounced() {
        String path = "/api/v1/support-offers/" + mentor;
        as(self).body(offer(2, 2, "BEHAVIOUR_MANAGEMENT")).put(path).then().statusCode(200);
        as(self).header("If-Match", Fixtures.etag(self, path)).post(path + "/pause").then().statusCode(200).body("paused", equalTo(true));
        as(self).queryParam("schoolUrn", school.urn()).get("/api/v1/supporters").then().statusCode(200)
                .body("items.practitionerId", org.hamcrest.Matchers.not(hasItem(mentor.toString())));
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> mentor.toString().equals(r.key())
                && DirectoryEvents.SUPPORT_OFFER_PAUSED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        as(self).header("If-Match", Fixtures.etag(self, path)).post(path + "/resume").then().statusCode(200).body("paused", equalTo(false));
    }

    /** A person who leaves takes their offer with them: paused, announced, and in the offer feed as a change. */
    @Test
    void deactivatingAPersonPausesTheirOfferAndTheFeedShowsIt() {
        String path = "/api/v1/support-offers/" + mentor;
        as(self).body(offer(2, 2)).put(path).then().statusCode(200).body("paused", equalTo(false));
        String before = java.time.Instant.now().minusSeconds(1).toString();
        String lead = school.leadToken();
        as(lead).header("If-Match", Fixtures.etag(lead, "/api/v1/practitioners/" + mentor))
                .post("/api/v1/practitioners/" + mentor + "/deactivation").then().statusCode(200).body("active", equalTo(false));

        as(lead).get(path).then().statusCode(200).body("paused", equalTo(true));
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> mentor.toString().equals(r.key())
                && DirectoryEvents.SUPPORT_OFFER_PAUSED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        as(school.partnership().adminToken()).queryParam("updatedSince", before).get("/api/v1/support-offers").then().statusCode(200)
                .body("items.find { it.practitionerId == '%s' }.paused".formatted(mentor), equalTo(true));
    }

    @Test
    void colleaguesCannotChangeSomeoneElsesOffer() {
        String colleague = Tokens.practitioner(UUID.randomUUID(), school.urn());
        as(colleague).body(offer(2, 2)).put("/api/v1/support-offers/" + mentor).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void adminsCurateTheTaxonomyAndOthersCannot() {
        String code = "TEST_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
        String body = "{\"code\":\"" + code + "\",\"label\":\"Outdoor learning\",\"category\":\"PEDAGOGY\"}";
        as(self).body(body).post("/api/v1/expertise").then().statusCode(403).contentType(PROBLEM);
        as(school.partnership().adminToken()).body(body).post("/api/v1/expertise").then().statusCode(201);
        as(school.partnership().adminToken()).body(body).post("/api/v1/expertise").then().statusCode(409);
        as(self).body(offer(1, 1, code)).put("/api/v1/support-offers/" + mentor).then().statusCode(200);
        as(self).queryParam("category", "PEDAGOGY").queryParam("limit", 200).get("/api/v1/expertise").then().statusCode(200)
                .body("items.code", hasItem("THINKING_SKILLS"));
    }

    @Test
    void supportersAreFoundByFiltersWithPublicFieldsOnly() {
        as(self).body(offer(2, 2, "THINKING_SKILLS")).put("/api/v1/support-offers/" + mentor).then().statusCode(200);
        String searcher = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID())
                .partnerships(school.partnership().id()).build();
        as(searcher).queryParam("form", "SPECIALIST_COACHING").queryParam("expertise", "THINKING_SKILLS")
                .queryParam("subject", "MATHEMATICS").queryParam("phase", "SECONDARY").queryParam("hasCapacity", true)
                .queryParam("partnershipId", school.partnership().id())
                .get("/api/v1/supporters").then().statusCode(200)
                .body("items.practitionerId", hasItem(mentor.toString()))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("email")))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("lineManagerIds")));
        as(searcher).queryParam("form", "CO_COACHING").queryParam("schoolUrn", school.urn())
                .get("/api/v1/supporters").then().statusCode(200).body("items.size()", equalTo(0));
        String stranger = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID())
                .partnerships(UUID.randomUUID()).build();
        as(stranger).queryParam("schoolUrn", school.urn()).get("/api/v1/supporters").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void supporterSearchIsCursorPaged() {
        for (int i = 0; i < 3; i++) {
            UUID p = Fixtures.practitioner(school);
            as(Tokens.practitioner(p, school.urn())).body(offer(1, 1)).put("/api/v1/support-offers/" + p).then().statusCode(200);
        }
        String lead = school.leadToken();
        io.restassured.response.Response first = as(lead).queryParam("schoolUrn", school.urn()).queryParam("limit", 2)
                .get("/api/v1/supporters");
        first.then().statusCode(200).body("items.size()", equalTo(2));
        as(lead).queryParam("schoolUrn", school.urn()).queryParam("limit", 2).queryParam("cursor", (String) first.path("nextCursor"))
                .get("/api/v1/supporters").then().statusCode(200).body("items.size()", equalTo(1));
        as(lead).queryParam("cursor", "%%%").get("/api/v1/supporters").then().statusCode(400);
    }
}
