package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.EventSchemas;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * School-lead and partnership-admin appointments are directory data, and the directory's decisions
 * follow them at once: with the token the person already has, without waiting for a new one.
 */
@QuarkusTest
class AppointmentTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void theAdminWhoCreatesAPartnershipAdministersItWithTheSameToken() {
        String creator = Tokens.builder().roles("partnership-admin").build(); // the bootstrap admin: no partnerships yet
        String id = as(creator).body("{\"name\":\"New partnership\",\"kind\":\"ITE\"}").post("/api/v1/partnerships")
                .then().statusCode(201).extract().path("id");
        as(creator).header("If-Match", Fixtures.etag(creator, "/api/v1/partnerships/" + id))
                .body("{\"name\":\"Renamed at once\",\"kind\":\"ITE\"}").put("/api/v1/partnerships/" + id)
                .then().statusCode(200).body("name", equalTo("Renamed at once"));
        as(creator).body("{\"urn\":\"" + Fixtures.nextUrn() + "\",\"name\":\"First school\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\""
                + id + "\"]}").post("/api/v1/schools").then().statusCode(201);
        as(creator).get("/api/v1/partnerships/" + id + "/admins").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].role", equalTo("PARTNERSHIP_ADMIN"))
                .body("items[0].practitionerId", nullValue()).body("items[0].partnershipId", equalTo(id));
        // another admin's token grants nothing there
        as(Tokens.builder().roles("partnership-admin").build()).get("/api/v1/partnerships/" + id + "/admins")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anAppointedSchoolLeadLeadsTheSchoolAtOnceAndNoLongerOnceItEnds() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(school.partnership().id()).build();
        String newcomer = Fixtures.practitionerJson("New Colleague", Fixtures.uniqueEmail("new"), null, school.urn(), "TEACHER");
        as(personsToken).body(newcomer).post("/api/v1/practitioners").then().statusCode(403);

        String admin = school.partnership().adminToken();
        String appointment = as(admin).body("{\"practitionerId\":\"" + person + "\"}")
                .post("/api/v1/schools/" + school.urn() + "/leads").then().statusCode(201)
                .body("role", equalTo("SCHOOL_LEAD")).body("schoolUrn", equalTo(school.urn()))
                .body("practitionerId", equalTo(person.toString())).body("endedAt", nullValue())
                .extract().path("id");
        as(personsToken).body(newcomer).post("/api/v1/practitioners").then().statusCode(201);
        as(personsToken).get("/api/v1/schools/" + school.id() + "/leads").then().statusCode(200).body("items", hasSize(1));
        assertThat(Fixtures.count("audit_entry", "resource_id = ?1 and action = 'appoint'", appointment)).isEqualTo(1);
        EventSchemas.assertValid(CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> appointment.equals(r.key())
                && DirectoryEvents.APPOINTMENT_MADE.equals(CloudEventsOnKafka.header(r, "ce_type")), 1).get(0));

        as(admin).post("/api/v1/schools/" + school.id() + "/leads/" + appointment + "/end").then().statusCode(200)
                .body("endedAt", notNullValue());
        as(admin).post("/api/v1/schools/" + school.id() + "/leads/" + appointment + "/end").then().statusCode(200); // idempotent
        assertThat(Fixtures.count("audit_entry", "resource_id = ?1 and action = 'end'", appointment)).isEqualTo(1);
        as(personsToken).body(Fixtures.practitionerJson("Another", Fixtures.uniqueEmail("another"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(403);
        EventSchemas.assertValid(CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> appointment.equals(r.key())
                && DirectoryEvents.APPOINTMENT_ENDED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1).get(0));
        as(admin).get("/api/v1/schools/" + school.id() + "/leads").then().statusCode(200).body("items", hasSize(0));
        as(admin).get("/api/v1/schools/" + school.id() + "/leads?includeEnded=true").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aSchoolLeadIsAppointedFromTheSchoolsOwnStaffOnly() {
        Fixtures.School school = Fixtures.school();
        Fixtures.School elsewhere = Fixtures.school(school.partnership());
        UUID otherSchoolsTeacher = Fixtures.practitioner(elsewhere);
        long before = Fixtures.count("appointment");
        as(school.partnership().adminToken()).body("{\"practitionerId\":\"" + otherSchoolsTeacher + "\"}")
                .post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:appointee-outside-scope"));
        as(school.partnership().adminToken()).body("{\"practitionerId\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(422)
                .body("type", equalTo("urn:cpd:problem:appointee-outside-scope"));
        assertThat(Fixtures.count("appointment")).isEqualTo(before);
    }

    @Test
    void leadsDoNotAppointLeadsAndAdminsOfOtherPartnershipsAppointNobody() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String body = "{\"practitionerId\":\"" + person + "\"}";
        as(school.leadToken()).body(body).post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.admin(UUID.randomUUID())).body(body).post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(403);
        as(Tokens.admin(UUID.randomUUID())).body(body).post("/api/v1/partnerships/" + school.partnership().id() + "/admins")
                .then().statusCode(403);
        as(school.partnership().adminToken()).body(body).post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(201);
        as(school.partnership().adminToken()).body(body).post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:already-appointed"));
    }

    @Test
    void anAppointedPartnershipAdminAdministersThePartnershipAtOnce() {
        Fixtures.School school = Fixtures.school();
        UUID partnership = school.partnership().id();
        UUID person = Fixtures.practitioner(school);
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(partnership).build();
        as(school.partnership().adminToken()).body("{\"practitionerId\":\"" + person + "\"}")
                .post("/api/v1/partnerships/" + partnership + "/admins").then().statusCode(201)
                .body("role", equalTo("PARTNERSHIP_ADMIN")).body("partnershipId", equalTo(partnership.toString()));
        as(personsToken).header("If-Match", Fixtures.etag(personsToken, "/api/v1/partnerships/" + partnership))
                .body("{\"name\":\"Changed by the new admin\",\"kind\":\"ITE\"}").put("/api/v1/partnerships/" + partnership)
                .then().statusCode(200);

        Fixtures.School outsider = Fixtures.school();
        UUID stranger = Fixtures.practitioner(outsider);
        as(school.partnership().adminToken()).body("{\"practitionerId\":\"" + stranger + "\"}")
                .post("/api/v1/partnerships/" + partnership + "/admins").then().statusCode(422)
                .body("type", equalTo("urn:cpd:problem:appointee-outside-scope"));
    }

    @Test
    void aMoveToAnotherSchoolEndsTheOldSchoolsLeadAppointment() {
        Fixtures.School school = Fixtures.school();
        Fixtures.School next = Fixtures.school(school.partnership());
        UUID person = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        as(admin).body("{\"practitionerId\":\"" + person + "\"}").post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(201);
        io.restassured.path.json.JsonPath current = as(admin).get("/api/v1/practitioners/" + person).then().extract().jsonPath();
        String moved = Fixtures.practitionerJson(current.getString("fullName"), current.getString("email"), current.getString("trn"),
                next.urn(), "TEACHER");
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + person)).body(moved)
                .put("/api/v1/practitioners/" + person).then().statusCode(200);
        as(admin).get("/api/v1/schools/" + school.id() + "/leads").then().statusCode(200).body("items", hasSize(0));
        as(admin).get("/api/v1/schools/" + school.id() + "/leads?includeEnded=true").then().statusCode(200)
                .body("items[0].endedAt", notNullValue());
    }

    @Test
    void aDeactivatedPractitionerIsRefusedAtOnceWithTheTokenTheyHold() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String personsToken = Tokens.builder().roles("practitioner").practitioner(person).schools(school.urn())
                .partnerships(school.partnership().id()).build();
        as(personsToken).get("/api/v1/practitioners/" + person).then().statusCode(200);
        String admin = school.partnership().adminToken();
        as(admin).body("{\"practitionerId\":\"" + person + "\"}").post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(201);

        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + person))
                .post("/api/v1/practitioners/" + person + "/deactivation").then().statusCode(200);
        as(personsToken).get("/api/v1/practitioners/" + person).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:cpd:problem:practitioner-deactivated"));
        as(personsToken).body("{\"forms\":[{\"form\":\"MENTORING\",\"capacity\":1}],\"mentoringPurposes\":[\"INDUCTION\"],"
                        + "\"expertiseCodes\":[],\"workModes\":[\"OWN_SCHOOL\"]}")
                .put("/api/v1/support-offers/" + person).then().statusCode(403)
                .body("type", equalTo("urn:cpd:problem:practitioner-deactivated"));
        // the deactivation ended the lead appointment too
        as(admin).get("/api/v1/schools/" + school.id() + "/leads").then().statusCode(200).body("items", hasSize(0));
    }
}
