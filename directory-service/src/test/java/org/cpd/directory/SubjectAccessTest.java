package org.cpd.directory;

import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** GET /api/v1/privacy/subjects/{id}/export: the directory's part of a subject access export. */
@QuarkusTest
class SubjectAccessTest {

    @Test
    void thePersonExportsTheirOwnRecordWithMeAndTheExportIsNotHiddenFromTheAudit() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID managed = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + managed))
                .body("{\"lineManagerIds\":[\"" + person + "\"],\"appraiserIds\":[]}")
                .put("/api/v1/practitioners/" + managed + "/line-management").then().statusCode(200);
        String me = Tokens.practitioner(person, school.urn());

        as(me).get("/api/v1/privacy/subjects/me/export").then().statusCode(200)
                .body("service", equalTo("directory-service"))
                .body("practitioner.id", equalTo(person.toString()))
                .body("practitioner.email", equalTo(as(admin).get("/api/v1/practitioners/" + person).path("email")))
                .body("accountState", equalTo("PENDING"))
                .body("lineManagerOf", contains(managed.toString()))
                .body("appraiserOf", hasSize(0))
                .body("cpdRecord.practitionerId", equalTo(person.toString()));

        as(admin).get("/api/v1/audit?subject=" + person + "&action=export").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceType", equalTo("practitioner"))
                .body("items[0].reason", equalTo("subject access request"))
                .body("items[0].partnershipIds", contains(school.partnership().id().toString()));
    }

    @Test
    void anAdminOfThePersonsPartnershipExportsItAndTheExportIsAudited() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();

        as(admin).get("/api/v1/privacy/subjects/" + person + "/export").then().statusCode(200)
                .body("practitioner.id", equalTo(person.toString()));

        as(admin).get("/api/v1/audit?subject=" + person + "&action=export").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].details", equalTo("subject access by a partnership admin"));
    }

    @Test
    void everyoneElseGetsNotFoundAndNothingIsAudited() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID colleague = Fixtures.practitioner(school);
        Fixtures.School elsewhere = Fixtures.school();

        as(Tokens.practitioner(colleague, school.urn())).get("/api/v1/privacy/subjects/" + person + "/export")
                .then().statusCode(404);
        as(school.leadToken()).get("/api/v1/privacy/subjects/" + person + "/export").then().statusCode(404);
        as(elsewhere.partnership().adminToken()).get("/api/v1/privacy/subjects/" + person + "/export").then().statusCode(404);
        as(school.partnership().adminToken()).get("/api/v1/privacy/subjects/" + UUID.randomUUID() + "/export")
                .then().statusCode(404);
        // an admin without a practitioner record asking for "me"
        as(school.partnership().adminToken()).get("/api/v1/privacy/subjects/me/export").then().statusCode(404);

        as(school.partnership().adminToken()).get("/api/v1/audit?subject=" + person + "&action=export").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anIdThatIsNeitherAPractitionerIdNorMeIsABadRequest() {
        Fixtures.School school = Fixtures.school();
        as(school.partnership().adminToken()).get("/api/v1/privacy/subjects/not-a-person/export").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("practitionerId"));
    }
}
