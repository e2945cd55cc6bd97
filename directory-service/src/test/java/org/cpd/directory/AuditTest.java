package org.cpd.directory;

import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Reads of protected directory records are audited with whose data it was, and read back through
 * GET /api/v1/audit by the partnership's admins and by the person themselves (docs/adr/0040-audit-api.md).
 */
@QuarkusTest
class AuditTest {

    @Test
    void aSchoolLeadsReadOfAPractitionerIsRecordedWithSubjectPartnershipClientAndRequestId() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID leadId = UUID.randomUUID();
        String lead = Tokens.builder().roles("school-lead", "practitioner").practitioner(leadId)
                .schools(school.urn()).client("cpd-portal-staff").build();

        as(lead).header("X-Request-Id", "audit-read-1").get("/api/v1/practitioners/" + person).then().statusCode(200);

        as(school.partnership().adminToken()).get("/api/v1/audit?subject=" + person + "&resourceType=practitioner&action=read")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].service", equalTo("directory-service"))
                .body("items[0].actor", equalTo("practitioner-" + leadId)) // the token's preferred_username
                .body("items[0].actorPractitionerId", equalTo(leadId.toString()))
                .body("items[0].clientId", equalTo("cpd-portal-staff"))
                .body("items[0].requestId", equalTo("audit-read-1"))
                .body("items[0].resourceId", equalTo(person.toString()))
                .body("items[0].subjectPersonId", equalTo(person.toString()))
                .body("items[0].partnershipIds", contains(school.partnership().id().toString()))
                .body("items[0].sequence", notNullValue())
                .body("items[0].occurredAt", notNullValue());
    }

    @Test
    void theAdminFiltersByActorAndPagesWithACursor() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID leadId = UUID.randomUUID();
        String lead = Tokens.schoolLead(leadId, school.urn());
        for (int i = 0; i < 3; i++) {
            as(lead).get("/api/v1/practitioners/" + person).then().statusCode(200);
        }
        as(lead).get("/api/v1/cpd-records/" + person).then().statusCode(200);

        String admin = school.partnership().adminToken();
        String first = as(admin).get("/api/v1/audit?actor=" + leadId + "&limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items.resourceType", contains("practitioner", "practitioner"))
                .extract().path("nextCursor");
        as(admin).get("/api/v1/audit?actor=" + leadId + "&limit=2&cursor=" + first).then().statusCode(200)
                .body("items.resourceType", contains("practitioner", "cpd-record"))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void aPractitionerSeesWhoReadTheirRecordAndNobodyElses() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID colleague = Fixtures.practitioner(school);
        as(school.leadToken()).get("/api/v1/practitioners/" + person).then().statusCode(200);
        as(school.leadToken()).get("/api/v1/practitioners/" + colleague).then().statusCode(200);
        String me = Tokens.practitioner(person, school.urn());

        as(me).get("/api/v1/practitioners/" + person).then().statusCode(200); // their own read is not audited
        as(me).get("/api/v1/audit?subject=me").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.subjectPersonId", everyItem(equalTo(person.toString())));
        as(me).get("/api/v1/audit").then().statusCode(200).body("items", empty());
        as(me).get("/api/v1/audit?subject=" + colleague).then().statusCode(200).body("items", empty());
    }

    @Test
    void anotherPartnershipsAdminAndASchoolLeadSeeNothingOfIt() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        as(school.leadToken()).get("/api/v1/practitioners/" + person).then().statusCode(200);

        as(Fixtures.partnership().adminToken()).get("/api/v1/audit?subject=" + person).then().statusCode(200)
                .body("items", empty());
        as(school.leadToken()).get("/api/v1/audit?subject=" + person).then().statusCode(200).body("items", empty());
    }

    @Test
    void anUnknownFilterValueIsA400Problem() {
        as(Fixtures.partnership().adminToken()).get("/api/v1/audit?resourceType=diary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("resourceType"));
    }
}
