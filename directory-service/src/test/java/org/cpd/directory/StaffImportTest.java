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
        // events carry no name (.v2): the update is the one that made this school's person a middle leader
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> DirectoryEvents.PRACTITIONER_UPDATED.equals(
                CloudEventsOnKafka.header(r, "ce_type")) && r.value().contains("\"careerStage\":\"MIDDLE_LEADER\"")
                && r.value().contains("\"schoolUrn\":\"" + school.urn() + "\""), 1);
    }

    @Test
    void onlyMisClientsAndLeadsImportAndGarbageIsA400() {
        Fixtures.School school = Fixtures.school();
        given().auth().oauth2(Tokens.practitioner(java.util.UUID.randomUUID(), school.urn())).contentType("text/csv")
                .body("email\n").post("/api/v1/imports/staff").then().statusCode(403);
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv").body("just,some\n\"unclosed")
                .post("/api/v1/imports/staff").then().statusCode(400).contentType("application/problem+json");
    }

    static final String HEADER = "email,fullName,trn,schoolUrn,careerStage,subjects,phases\n";

    @Test
    void anUnterminatedQuoteIsA400NamingItsLineAndWritesNothing() {
        Fixtures.School school = Fixtures.school();
        String good = Fixtures.uniqueEmail("good");
        String later = Fixtures.uniqueEmail("later");
        String csv = HEADER + good + ",Good Row,," + school.urn() + ",TEACHER,,\n"
                + Fixtures.uniqueEmail("open") + ",\"Never Closed,," + school.urn() + ",TEACHER,,\n"
                + later + ",Later Row,," + school.urn() + ",TEACHER,,\n";
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv").body(csv).post("/api/v1/imports/staff")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:malformed-csv"))
                .body("line", equalTo(3))
                .body("detail", org.hamcrest.Matchers.containsString("Line 3"));
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", good)).isZero();
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", later)).isZero();
    }

    @Test
    void controlCharactersInARowRejectThatRowOnly() {
        Fixtures.School school = Fixtures.school();
        String nulInEmail = "nul\u0000" + Fixtures.uniqueEmail("x");
        String nulInName = Fixtures.uniqueEmail("name");
        String nulInTrn = Fixtures.uniqueEmail("trn");
        String good = Fixtures.uniqueEmail("good");
        String csv = HEADER + nulInEmail + ",Nul Email,," + school.urn() + ",TEACHER,,\n"
                + nulInName + ",Nul\u0000Name,," + school.urn() + ",TEACHER,,\n"
                + nulInTrn + ",Nul Trn,123\u00004567," + school.urn() + ",TEACHER,MATHE\u0000MATICS,\n"
                + good + ",Good Row,," + school.urn() + ",TEACHER,,\n";
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv").body(csv).post("/api/v1/imports/staff")
                .then().statusCode(200)
                .body("rows", equalTo(4)).body("created", equalTo(1)).body("failed", equalTo(3))
                .body("errors.findAll { it.row == 2 }.field", org.hamcrest.Matchers.contains("email"))
                .body("errors.findAll { it.row == 3 }.field", org.hamcrest.Matchers.contains("fullName"))
                .body("errors.findAll { it.row == 4 }.field", org.hamcrest.Matchers.containsInAnyOrder("trn", "subjects"))
                .body("errors.message", org.hamcrest.Matchers.everyItem(equalTo("must not contain control characters")));
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", good)).isEqualTo(1);
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", nulInName)).isZero();
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", nulInTrn)).isZero();
        assertThat(Fixtures.count("practitioner", "full_name like ?1", "Nul%")).isZero();
    }

    @Test
    void aNulInsideAHeaderNameIsA400() {
        Fixtures.School school = Fixtures.school();
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv")
                .body("em\u0000ail,fullName,schoolUrn,careerStage\n" + Fixtures.uniqueEmail("h") + ",Head Er," + school.urn() + ",TEACHER\n")
                .post("/api/v1/imports/staff")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aNulInTheUploadFileNameIsNeverA500() {
        Fixtures.School school = Fixtures.school();
        String email = Fixtures.uniqueEmail("multi");
        byte[] csv = (HEADER + email + ",Multi Part,," + school.urn() + ",TEACHER,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(Tokens.mis(school.urn()))
                .multiPart("file", "staff\u0000.csv", csv, "text/csv")
                .post("/api/v1/imports/staff")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(Tokens.mis(school.urn())).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename*=UTF-8''staff%00.csv")
                .body(csv).post("/api/v1/imports/staff")
                .then().statusCode(200).body("created", equalTo(1));
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", email)).isEqualTo(1);
    }
}
