package org.cpd.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffImportTest {

    @Test
    void upsertsStaffByTrnThenEmailAndReportsEachBadRow() {
        Fixtures.School school = Fixtures.school();
        Fixtures.School other = Fixtures.school(school.partnership());
        String mis = Tokens.mis(school.urn());
        String trn = Fixtures.nextTrn();
        String email = Fixtures.uniqueEmail("imp");
        String csv = "email,fullName,trn,schoolUrn,careerStage,subjects,phases\n"
                + email + ",Imogen Port," + trn + "," + school.urn() + ",TEACHER,MATHEMATICS;PHYSICS,SECONDARY\n"
                + "bad-email,No Email,12," + school.urn() + ",WIZARD,,\n"
                + Fixtures.uniqueEmail("x") + ",Elsewhere,," + other.urn() + ",TEACHER,,\n";
        given().auth().oauth2(mis).contentType("text/csv").body(csv).post("/api/v1/imports/staff")
                .then().statusCode(200)
                .body("rows", equalTo(3)).body("created", equalTo(1)).body("failed", equalTo(2))
                .body("errors.findAll { it.row == 3 }.field", org.hamcrest.Matchers.containsInAnyOrder("email", "trn", "careerStage"))
                .body("errors.findAll { it.row == 4 }.field", hasItem("schoolUrn"));
        assertThat(Fixtures.count("practitioner", "trn = ?1", trn)).isEqualTo(1);

        // Same person again, renamed and promoted: matched by TRN, updated, not duplicated.
        String again = "email,fullName,trn,schoolUrn,careerStage,subjects,phases\n"
                + email.toUpperCase() + ",Imogen Porter," + trn + "," + school.urn() + ",MIDDLE_LEADER,MATHEMATICS,SECONDARY\n";
        given().auth().oauth2(mis).contentType("text/csv").body(again).post("/api/v1/imports/staff")
                .then().statusCode(200).body("updated", equalTo(1)).body("created", equalTo(0));
        assertThat(Fixtures.count("practitioner", "trn = ?1", trn)).isEqualTo(1);
        given().auth().oauth2(mis).contentType("text/csv").body(again).post("/api/v1/imports/staff")
                .then().statusCode(200).body("unchanged", equalTo(1));
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> DirectoryEvents.PRACTITIONER_UPDATED.equals(
                CloudEventsOnKafka.header(r, "ce_type")) && r.value().contains("Imogen Porter"), 1);
    }

    @Test
    void onlyMisClientsAndLeadsImportAndGarbageIsA400() {
        Fixtures.School school = Fixtures.school();
        given().auth().oauth2(Tokens.practitioner(java.util.UUID.randomUUID(), school.urn())).contentType("text/csv")
                .body("email\n").post("/api/v1/imports/staff").then().statusCode(403);
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv").body("just,some\n\"unclosed")
                .post("/api/v1/imports/staff").then().statusCode(400).contentType("application/problem+json");
    }
}
