package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** POST and GET /api/v1/privacy/subjects/{id}/erasure: the directory's part of erasing a person. */
@QuarkusTest
class ErasureTest {

    private static final String OFFER = "{\"forms\":[{\"form\":\"MENTORING\",\"capacity\":2}],\"mentoringPurposes\":[\"INDUCTION\"],"
            + "\"expertiseCodes\":[\"ASSESSMENT_FOR_LEARNING\"],\"workModes\":[\"OWN_SCHOOL\"]}";

    @Test
    void anAdminOfThePersonsPartnershipErasesThemAndOnlyTheStatisticalFieldsStay() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school, "EARLY_CAREER_TEACHER");
        UUID managed = Fixtures.practitioner(school);
        UUID manager = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        links(admin, managed, person, person);
        links(admin, person, manager, manager);
        as(admin).body(OFFER).put("/api/v1/support-offers/" + person).then().statusCode(200);
        sql("insert into practitioner_mis_id (school_id, mis_staff_id, practitioner_id) values ('" + school.id() + "', 'MIS-"
                + person + "', '" + person + "')");

        JsonPath erasure = as(admin).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(202)
                .contentType("application/json")
                .body("service", equalTo("directory-service"))
                .body("practitionerId", equalTo(person.toString()))
                .body("status", equalTo("applied"))
                .body("partnershipIds", contains(school.partnership().id().toString()))
                .extract().jsonPath();
        assertThat(erasure.getString("erasureId")).isNotBlank();

        as(admin).get("/api/v1/practitioners/" + person).then().statusCode(200)
                .body("fullName", equalTo("Erased person"))
                .body("email", equalTo("erased-" + person + "@erased.invalid"))
                .body("trn", nullValue())
                .body("active", equalTo(false))
                .body("schoolUrn", equalTo(school.urn()))
                .body("careerStage", equalTo("EARLY_CAREER_TEACHER"))
                .body("subjects", hasSize(0))
                .body("lineManagerIds", hasSize(0))
                .body("appraiserIds", hasSize(0));
        as(admin).get("/api/v1/practitioners/" + managed).then().statusCode(200)
                .body("lineManagerIds", hasSize(0)).body("appraiserIds", hasSize(0));
        as(admin).get("/api/v1/support-offers/" + person).then().statusCode(200)
                .body("paused", equalTo(true)).body("forms", hasSize(0)).body("expertiseCodes", hasSize(0));
        assertThat(Fixtures.count("practitioner_mis_id", "practitioner_id = ?1", person)).isZero();
        // the account worker disables the login: the account is due for it
        assertThat(Fixtures.count("account", "id = ?1 and generation > synced_generation", person)).isOne();
        assertThat(erasedEvents(person)).isOne();
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type like '%practitioner-deactivated%'", person.toString()))
                .isOne();
        as(admin).get("/api/v1/audit?subject=" + person + "&action=erase").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].resourceType", equalTo("practitioner"))
                .body("items[0].reason", equalTo("erasure request"));

        as(admin).get("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(200)
                .body("erasureId", equalTo(erasure.getString("erasureId")))
                .body("status", equalTo("applied"));
    }

    @Test
    void erasingTwiceAnswersWithTheFirstErasureAndPublishesOnce() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        String first = as(admin).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(202)
                .extract().asString();
        long events = Fixtures.count("outbox_event", "aggregate_id = ?1", person.toString());

        String second = as(Fixtures.adminOf(school.partnership().id())).post("/api/v1/privacy/subjects/" + person + "/erasure")
                .then().statusCode(200).extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(erasedEvents(person)).isOne();
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1", person.toString())).isEqualTo(events);
        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", person)).isOne();
        as(admin).get("/api/v1/audit?subject=" + person + "&action=erase").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void noOneButAnAdminOfThePersonsPartnershipMayEraseThemAndNothingChangesForTheRefused() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID colleague = Fixtures.practitioner(school);
        Fixtures.School elsewhere = Fixtures.school();
        String before = as(school.partnership().adminToken()).get("/api/v1/practitioners/" + person).asString();

        for (String token : List.of(Tokens.practitioner(person, school.urn()), Tokens.practitioner(colleague, school.urn()),
                school.leadToken(), elsewhere.partnership().adminToken())) {
            as(token).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        as(school.partnership().adminToken()).post("/api/v1/privacy/subjects/" + UUID.randomUUID() + "/erasure").then()
                .statusCode(404);
        as(school.partnership().adminToken()).post("/api/v1/privacy/subjects/not-a-person/erasure").then().statusCode(400)
                .contentType("application/problem+json");

        assertThat(as(school.partnership().adminToken()).get("/api/v1/practitioners/" + person).asString()).isEqualTo(before);
        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", person)).isZero();
        assertThat(erasedEvents(person)).isZero();
    }

    @Test
    void theStatusIsForAnAdminOfThePersonsPartnershipAndOnlyOnceErased() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        as(admin).get("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(404);
        as(admin).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(202);

        as(Fixtures.school().partnership().adminToken()).get("/api/v1/privacy/subjects/" + person + "/erasure").then()
                .statusCode(404);
        // the erased person is deactivated: their token is refused at once
        as(Tokens.practitioner(person, school.urn())).get("/api/v1/privacy/subjects/" + person + "/erasure").then()
                .statusCode(403).body("type", equalTo("urn:cpd:problem:practitioner-deactivated"));
        as(admin).get("/api/v1/privacy/subjects/not-a-uuid/erasure").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aFailureAtTheLastStepLeavesNothingHalfErased() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        UUID managed = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        links(admin, managed, person, person);
        as(admin).body(OFFER).put("/api/v1/support-offers/" + person).then().statusCode(200);
        String record = as(admin).get("/api/v1/practitioners/" + person).asString();
        String offer = as(admin).get("/api/v1/support-offers/" + person).asString();
        String managedRecord = as(admin).get("/api/v1/practitioners/" + managed).asString();
        long events = Fixtures.count("outbox_event");
        // the audit entry is the erasure's last write: make it fail for this person only
        sql("create or replace function refuse_erase_audit() returns trigger language plpgsql as $$ begin "
                + "if new.action = 'erase' and new.resource_id = '" + person + "' then raise exception 'audit refused'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_erase_audit before insert on audit_entry for each row execute function refuse_erase_audit()");
        try {
            int status = as(admin).post("/api/v1/privacy/subjects/" + person + "/erasure").then().extract().statusCode();
            assertThat(status).isGreaterThanOrEqualTo(500);
        } finally {
            sql("drop trigger refuse_erase_audit on audit_entry");
        }

        assertThat(as(admin).get("/api/v1/practitioners/" + person).asString()).isEqualTo(record);
        assertThat(as(admin).get("/api/v1/support-offers/" + person).asString()).isEqualTo(offer);
        assertThat(as(admin).get("/api/v1/practitioners/" + managed).asString()).isEqualTo(managedRecord);
        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", person)).isZero();
        assertThat(Fixtures.count("outbox_event")).isEqualTo(events);

        as(admin).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(202);
    }

    private static long erasedEvents(UUID person) {
        return Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type = 'cpd.directory.practitioner-erased.v1'", person.toString());
    }

    private static void links(String admin, UUID of, UUID lineManager, UUID appraiser) {
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + of))
                .body("{\"lineManagerIds\":[\"" + lineManager + "\"],\"appraiserIds\":[\"" + appraiser + "\"]}")
                .put("/api/v1/practitioners/" + of + "/line-management").then().statusCode(200);
    }

    private static void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery(statement).executeUpdate());
    }
}
