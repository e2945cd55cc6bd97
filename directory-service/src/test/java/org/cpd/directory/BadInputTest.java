package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input is a 4xx problem and leaves the database as it was. */
@QuarkusTest
class BadInputTest extends SchoolTest {

    static final String PROBLEM = "application/problem+json";

    long practitioners() {
        return Fixtures.count("practitioner");
    }

    @Test
    void malformedJsonIsRefusedAndWritesNothing() {
        long before = practitioners();
        as(lead).body("{\"fullName\": \"Half\",, }").post("/api/v1/practitioners")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:cpd:problem:malformed-body"));
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void wrongJsonTypeIsRefusedNamingTheField() {
        long before = practitioners();
        as(lead).body("{\"fullName\":\"A\",\"email\":\"a@b.example\",\"schoolUrn\":\"" + school.urn()
                        + "\",\"careerStage\":\"TEACHER\",\"subjects\":{\"not\":\"a list\"}}")
                .post("/api/v1/practitioners")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("subjects"));
        assertThat(practitioners()).isEqualTo(before);
    }

    /** A string where a number is expected, a cursor this service did not issue, a date that is not one. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"limit, many", "cursor, not-a-cursor", "updatedSince, yesterday"})
    void badQueryParameterIsRefusedAndNamed(String parameter, String value) {
        as(school.partnership().adminToken()).queryParam(parameter, value).get("/api/v1/practitioners")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(parameter));
    }

    @Test
    void unknownCareerStageIsRefused() {
        long before = practitioners();
        as(lead).body(Fixtures.practitionerJson("A", Fixtures.uniqueEmail("a"), null, school.urn(), "WIZARD"))
                .post("/api/v1/practitioners")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("careerStage"));
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void emptyBodyIsRefused() {
        long before = practitioners();
        as(lead).body("").post("/api/v1/practitioners").then().statusCode(400).contentType(PROBLEM);
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void oversizedBodyIsRefused() {
        long before = practitioners();
        String huge = "x".repeat(300_000);
        as(lead).body(Fixtures.practitionerJson(huge, Fixtures.uniqueEmail("a"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(413).contentType(PROBLEM);
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void malformedUrnTrnAndEmailAreEachListed() {
        long before = practitioners();
        as(lead).body(Fixtures.practitionerJson("A", "not-an-email", "12AB", "12345", "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder("email", "trn", "schoolUrn"));
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void missingIfMatchIs428AndStaleIs412AndNothingChanges() {
        UUID id = Fixtures.practitioner(school);
        String path = "/api/v1/practitioners/" + id;
        String email = as(lead).get(path).then().extract().path("email");
        String update = Fixtures.practitionerJson("Renamed", email, null, school.urn(), "TEACHER");
        as(lead).body(update).put(path).then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:precondition-required"));
        as(lead).header("If-Match", "\"999\"").body(update).put(path).then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:precondition-failed"));
        as(lead).get(path).then().statusCode(200).body("fullName", org.hamcrest.Matchers.not(equalTo("Renamed")));
    }

    @Test
    void reusedIdempotencyKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        as(lead).header("Idempotency-Key", key)
                .body(Fixtures.practitionerJson("First", Fixtures.uniqueEmail("first"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201);
        long before = practitioners();
        as(lead).header("Idempotency-Key", key)
                .body(Fixtures.practitionerJson("Second", Fixtures.uniqueEmail("second"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(422).contentType(PROBLEM).body("type", equalTo("urn:cpd:problem:idempotency-key-reused"));
        assertThat(practitioners()).isEqualTo(before);
    }

    @Test
    void duplicateEmailInThePartnershipIs409() {
        String email = Fixtures.uniqueEmail("dup");
        as(lead).body(Fixtures.practitionerJson("One", email, null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201);
        as(lead).body(Fixtures.practitionerJson("Two", email.toUpperCase(), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:cpd:problem:duplicate-email"));
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", email)).isEqualTo(1);
    }

    @Test
    void duplicateTrnIs409() {
        String trn = Fixtures.nextTrn();
        as(lead).body(Fixtures.practitionerJson("One", Fixtures.uniqueEmail("one"), trn, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201);
        as(lead).body(Fixtures.practitionerJson("Two", Fixtures.uniqueEmail("two"), trn, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:cpd:problem:duplicate-trn"));
        assertThat(Fixtures.count("practitioner", "trn = ?1", trn)).isEqualTo(1);
    }

    @Test
    void duplicateUrnIs409() {
        as(school.partnership().adminToken())
                .body("{\"urn\":\"" + school.urn() + "\",\"name\":\"Again\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\""
                        + school.partnership().id() + "\"]}")
                .post("/api/v1/schools")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:cpd:problem:duplicate-urn"));
        assertThat(Fixtures.count("school", "urn = ?1", school.urn())).isEqualTo(1);
    }

    @Test
    void malformedUrnOfASchoolIs400() {
        as(school.partnership().adminToken())
                .body("{\"urn\":\"1234567\",\"name\":\"X\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\"" + school.partnership().id() + "\"]}")
                .post("/api/v1/schools")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("urn"));
    }
}
