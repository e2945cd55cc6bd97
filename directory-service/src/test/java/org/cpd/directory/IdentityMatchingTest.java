package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 6 and issue 10 leak 1: registration and staff import never match, move or change a
 * person outside the caller's schools and partnerships (docs/adr/0014-tenant-safe-identity-matching.md).
 */
@QuarkusTest
class IdentityMatchingTest {

    static final String PROBLEM = "application/problem+json";
    static final String HEADER = "email,fullName,trn,schoolUrn,careerStage,subjects,phases\n";
    static final String OUTSIDE = "belongs to a person outside your schools and partnerships";

    /** Partnership A with an organisation-based specialist and a school-based teacher. */
    Fixtures.Partnership a;
    UUID specialist;
    String specialistEmail;
    String specialistTrn;
    UUID teacher;
    String teacherEmail;
    String teacherTrn;
    /** Partnership B with a school whose lead and MIS client try to take them over. */
    Fixtures.School schoolOfB;

    @BeforeEach
    void twoPartnerships() {
        a = Fixtures.partnership();
        String organisation = as(a.adminToken())
                .body("{\"name\":\"Northshire University\",\"kind\":\"UNIVERSITY\",\"partnershipIds\":[\"" + a.id() + "\"]}")
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        specialistEmail = Fixtures.uniqueEmail("specialist");
        specialistTrn = Fixtures.nextTrn();
        specialist = UUID.fromString(as(a.adminToken())
                .body("{\"fullName\":\"Dr Expert\",\"email\":\"" + specialistEmail + "\",\"trn\":\"" + specialistTrn
                        + "\",\"organisationId\":\"" + organisation + "\",\"careerStage\":\"EXTERNAL_SPECIALIST\"}")
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id"));
        Fixtures.School schoolOfA = Fixtures.school(a);
        teacherEmail = Fixtures.uniqueEmail("teacher");
        teacherTrn = Fixtures.nextTrn();
        teacher = UUID.fromString(as(schoolOfA.leadToken())
                .body(Fixtures.practitionerJson("Tess Teacher", teacherEmail, teacherTrn, schoolOfA.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id"));
        schoolOfB = Fixtures.school();
    }

    Map<String, Object> asSeenByA(UUID id) {
        return as(a.adminToken()).get("/api/v1/practitioners/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    ValidatableResponse importAs(String token, String rows) {
        return as(token).contentType("text/csv").body(HEADER + rows).post("/api/v1/imports/staff").then();
    }

    @Test
    void aSchoolLeadOfAnotherPartnershipCannotTakeOverASpecialistByEmail() {
        Map<String, Object> before = asSeenByA(specialist);
        importAs(schoolOfB.leadToken(), specialistEmail + ",Renamed Person,," + schoolOfB.urn() + ",TEACHER,,\n")
                .statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("failed", equalTo(1))
                .body("errors.row", contains(2)).body("errors.field", contains("email"))
                .body("errors.message", contains(OUTSIDE));
        assertThat(asSeenByA(specialist)).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", specialistEmail)).isEqualTo(1);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Renamed Person")).isZero();
    }

    @Test
    void anMisClientOfAnotherPartnershipCannotTakeOverASpecialistByTrn() {
        Map<String, Object> before = asSeenByA(specialist);
        String freshEmail = Fixtures.uniqueEmail("fresh");
        importAs(Tokens.mis(schoolOfB.urn()), freshEmail + ",Renamed Person," + specialistTrn + "," + schoolOfB.urn()
                + ",MIDDLE_LEADER,,\n")
                .statusCode(200)
                .body("updated", equalTo(0)).body("created", equalTo(0)).body("failed", equalTo(1))
                .body("errors.field", contains("trn")).body("errors.message", contains(OUTSIDE));
        assertThat(asSeenByA(specialist)).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", freshEmail)).isZero();
    }

    @Test
    void aTeacherOfAnotherPartnershipsSchoolIsRefusedWithoutSayingWhere() {
        Map<String, Object> before = asSeenByA(teacher);
        importAs(Tokens.mis(schoolOfB.urn()), teacherEmail + ",Tess Teacher," + teacherTrn + "," + schoolOfB.urn() + ",TEACHER,,\n")
                .statusCode(200)
                .body("updated", equalTo(0)).body("failed", equalTo(1))
                .body("errors.field", contains("trn")).body("errors.message", contains(OUTSIDE));
        assertThat(asSeenByA(teacher)).isEqualTo(before);
    }

    @Test
    void anEmailInScopeWithATrnOutsideIsRefusedAndTheRowChangesNobody() {
        String lead = schoolOfB.leadToken();
        String ownEmail = Fixtures.uniqueEmail("own");
        importAs(lead, ownEmail + ",Own Person,," + schoolOfB.urn() + ",TEACHER,,\n").statusCode(200).body("created", equalTo(1));
        Map<String, Object> before = asSeenByA(specialist);
        importAs(lead, ownEmail + ",Own Person Renamed," + specialistTrn + "," + schoolOfB.urn() + ",TEACHER,,\n")
                .statusCode(200)
                .body("updated", equalTo(0)).body("failed", equalTo(1))
                .body("errors.field", contains("trn")).body("errors.message", contains(OUTSIDE));
        assertThat(asSeenByA(specialist)).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Own Person Renamed")).isZero();
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Own Person")).isEqualTo(1);
    }

    @Test
    void refusedRowsDoNotStopTheGoodOnesAndMatchingInScopeWorksAsBefore() {
        String mis = Tokens.mis(schoolOfB.urn());
        String ownEmail = Fixtures.uniqueEmail("own");
        String ownTrn = Fixtures.nextTrn();
        importAs(mis, ownEmail + ",Own Person," + ownTrn + "," + schoolOfB.urn() + ",TEACHER,,\n").statusCode(200)
                .body("created", equalTo(1));
        importAs(mis, specialistEmail + ",Renamed Person,," + schoolOfB.urn() + ",TEACHER,,\n"
                + ownEmail.toUpperCase() + ",Own Person Promoted," + ownTrn + "," + schoolOfB.urn() + ",MIDDLE_LEADER,,\n")
                .statusCode(200)
                .body("rows", equalTo(2)).body("updated", equalTo(1)).body("failed", equalTo(1))
                .body("errors.row", contains(2));
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Own Person Promoted")).isEqualTo(1);
        assertThat(asSeenByA(specialist).get("fullName")).isEqualTo("Dr Expert");
    }

    @Test
    void registeringAnEmailOfAPersonOutsideTheCallersScopeIs409WithoutDetails() {
        Map<String, Object> before = asSeenByA(specialist);
        as(schoolOfB.leadToken())
                .body(Fixtures.practitionerJson("Someone Else", specialistEmail.toUpperCase(), null, schoolOfB.urn(), "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:identity-outside-scope"))
                .body("field", equalTo("email"))
                .body("detail", not(containsString(specialist.toString())))
                .body("detail", not(containsString("Dr Expert")));
        assertThat(asSeenByA(specialist)).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Someone Else")).isZero();
    }

    @Test
    void registeringATrnOfAPersonOutsideTheCallersPartnershipsIs409ForAnAdminToo() {
        Fixtures.Partnership b = schoolOfB.partnership();
        Map<String, Object> before = asSeenByA(teacher);
        as(b.adminToken())
                .body(Fixtures.practitionerJson("Someone Else", Fixtures.uniqueEmail("else"), teacherTrn, schoolOfB.urn(), "TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:identity-outside-scope"))
                .body("field", equalTo("trn"));
        assertThat(asSeenByA(teacher)).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Someone Else")).isZero();
    }

    @Test
    void changingAnEmailToThatOfAPersonOutsideTheCallersScopeIs409() {
        String lead = schoolOfB.leadToken();
        UUID own = Fixtures.practitioner(schoolOfB);
        String etag = Fixtures.etag(lead, "/api/v1/practitioners/" + own);
        as(lead).header("If-Match", etag)
                .body(Fixtures.practitionerJson("Own Person", specialistEmail, null, schoolOfB.urn(), "TEACHER"))
                .put("/api/v1/practitioners/" + own)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:identity-outside-scope"));
    }
}
