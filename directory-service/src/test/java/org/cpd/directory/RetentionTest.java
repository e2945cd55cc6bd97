package org.cpd.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.privacy.Retention;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.privacy.RetentionReports;
import org.junit.jupiter.api.Test;

/**
 * The directory's retention (docs/data-protection.md, "Retention defaults"): people deactivated six years ago are
 * erased as on request; staff syncs lose their rows' outcomes a year after they finished and keep their counts.
 */
@QuarkusTest
class RetentionTest {

    static final String PEOPLE = "deactivated-practitioners";
    static final String REPORTS = "staff-sync-reports";
    static final String SIX_YEARS_AGO = "now() - interval '2200 days'";

    @Inject
    Retention retention;

    @Test
    void peopleDeactivatedSixYearsAgoAreErasedAsOnRequestAndNobodyElse() {
        Fixtures.School school = Fixtures.school();
        String admin = school.partnership().adminToken();
        UUID longGone = Fixtures.practitioner(school);
        UUID recentlyGone = Fixtures.practitioner(school);
        UUID active = Fixtures.practitioner(school);
        UUID erasedOnRequest = Fixtures.practitioner(school);
        // the one long gone still line-manages someone: the link goes with the erasure, as on request
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + active))
                .body("{\"lineManagerIds\":[\"" + longGone + "\"],\"appraiserIds\":[]}")
                .put("/api/v1/practitioners/" + active + "/line-management").then().statusCode(200);
        for (UUID gone : new UUID[] {longGone, recentlyGone, erasedOnRequest}) {
            deactivate(admin, gone);
        }
        as(admin).post("/api/v1/privacy/subjects/" + erasedOnRequest + "/erasure").then().statusCode(202);
        sql("update practitioner set deactivated_at = " + SIX_YEARS_AGO + " where id in (?1, ?2)", longGone, erasedOnRequest);
        String activeBefore = as(admin).get("/api/v1/practitioners/" + active).then().extract().path("fullName");
        String recentBefore = as(admin).get("/api/v1/practitioners/" + recentlyGone).asString();

        RetentionReports.assertDue(admin, Fixtures.partnership().adminToken(), PEOPLE, "directory-service", "PT52560H",
                equalTo(1));

        assertThat(retention.sweep("deactivated-practitioners", Instant.now())).isGreaterThanOrEqualTo(1);

        as(admin).get("/api/v1/practitioners/" + longGone).then().statusCode(200)
                .body("fullName", equalTo("Erased person"))
                .body("email", equalTo("erased-" + longGone + "@erased.invalid"))
                .body("trn", nullValue()).body("subjects", hasSize(0)).body("active", equalTo(false))
                .body("schoolUrn", equalTo(school.urn())).body("careerStage", equalTo("TEACHER"));
        as(admin).get("/api/v1/practitioners/" + active).then().statusCode(200)
                .body("fullName", equalTo(activeBefore)).body("active", equalTo(true)).body("lineManagerIds", hasSize(0));
        assertThat(as(admin).get("/api/v1/practitioners/" + recentlyGone).asString()).isEqualTo(recentBefore);

        assertThat(Fixtures.count("erasure", "practitioner_id = ?1 and requested_by = 'system:retention'", longGone)).isOne();
        as(admin).get("/api/v1/privacy/subjects/" + longGone + "/erasure").then().statusCode(200)
                .body("status", equalTo("applied"));
        assertThat(erasedEvents(longGone)).isOne();
        assertThat(erasedEvents(erasedOnRequest)).as("erased on request: not erased again").isOne();
        assertThat(erasedEvents(recentlyGone)).isZero();
        assertThat(erasedEvents(active)).isZero();
        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", recentlyGone)).isZero();
        assertThat(count("select count(*) from audit_entry where action = 'erase' and resource_id = '" + longGone
                + "' and actor = 'system:retention' and reason = 'retention'")).isOne();
        assertThat(count(RetentionReports.sweepAuditQuery(PEOPLE, "practitioner", school.partnership().id()))).isOne();

        RetentionReports.assertNoneDue(admin, PEOPLE);
        assertThat(retention.sweep("deactivated-practitioners", Instant.now())).as("a second sweep has nobody left").isZero();
        assertThat(erasedEvents(longGone)).isOne();
    }

    @Test
    void deactivationIsDatedAndReactivationClearsIt() {
        Fixtures.School school = Fixtures.school();
        String admin = school.partnership().adminToken();
        StaffSyncTest.Person person = StaffSyncTest.Person.next("R1");
        String job = StaffSyncTest.location(StaffSyncTest.sync(Tokens.mis(school.urn()), school.urn(), "?mode=partial",
                StaffSyncTest.HEADER + person.row("Rae", "TEACHER", null)).statusCode(201));
        UUID id = UUID.fromString((String) StaffSyncTest.rowOf(StaffSyncTest.rows(Tokens.mis(school.urn()), job), "R1")
                .get("practitionerId"));
        assertThat(Fixtures.count("practitioner", "id = ?1 and deactivated_at is null", id)).isOne();

        deactivate(admin, id);
        assertThat(Fixtures.count("practitioner", "id = ?1 and deactivated_at > now() - interval '1 minute'", id)).isOne();

        // back in the school's file: active again, and retention no longer counts from the old deactivation
        sql("update practitioner set deactivated_at = " + SIX_YEARS_AGO + " where id = ?1", id);
        StaffSyncTest.sync(Tokens.mis(school.urn()), school.urn(), "?mode=partial",
                StaffSyncTest.HEADER + person.row("Rae", "TEACHER", null)).statusCode(201).body("updated", equalTo(1));
        assertThat(Fixtures.count("practitioner", "id = ?1 and active and deactivated_at is null", id)).isOne();
        RetentionReports.assertNoneDue(admin, PEOPLE);
    }

    @Test
    void aRecordMergedIntoAnotherIsLeftAlone() {
        Fixtures.School school = Fixtures.school();
        String admin = school.partnership().adminToken();
        UUID survivor = Fixtures.practitioner(school);
        UUID retired = Fixtures.practitionerWithoutTrn(school);
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + survivor))
                .body("{\"retiredId\":\"" + retired + "\"}").post("/api/v1/practitioners/" + survivor + "/merges")
                .then().statusCode(200);
        assertThat(Fixtures.count("practitioner", "id = ?1 and deactivated_at = merged_at", retired)).isOne();
        sql("update practitioner set deactivated_at = " + SIX_YEARS_AGO + ", merged_at = " + SIX_YEARS_AGO + " where id = ?1",
                retired);

        RetentionReports.assertNoneDue(admin, PEOPLE);
        retention.sweep("deactivated-practitioners", Instant.now());

        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", retired)).isZero();
        assertThat(erasedEvents(retired)).isZero();
    }

    @Test
    void aPersonIsErasedWholeOrNotAtAll() {
        Fixtures.School school = Fixtures.school();
        String admin = school.partnership().adminToken();
        UUID first = Fixtures.practitioner(school);
        UUID second = Fixtures.practitioner(school);
        deactivate(admin, first);
        deactivate(admin, second);
        sql("update practitioner set deactivated_at = " + SIX_YEARS_AGO + " where id in (?1, ?2)", first, second);
        String before = as(admin).get("/api/v1/practitioners/" + second).asString();
        // the audit entry is an erasure's last write: make it fail for the second person only
        sql("create or replace function refuse_retention_audit() returns trigger language plpgsql as $$ begin "
                + "if new.action = 'erase' and new.resource_id = '" + second + "' then raise exception 'audit refused'; end if; "
                + "return new; end $$");
        sql("create trigger refuse_retention_audit before insert on audit_entry for each row execute function refuse_retention_audit()");
        try {
            assertThatThrownBy(() -> retention.sweep("deactivated-practitioners", Instant.now())).isNotNull();
        } finally {
            sql("drop trigger refuse_retention_audit on audit_entry");
        }

        // the batch was one transaction: neither person is erased, and both are still due
        assertThat(as(admin).get("/api/v1/practitioners/" + second).asString()).isEqualTo(before);
        assertThat(Fixtures.count("erasure", "practitioner_id = ?1", first)).isZero();
        assertThat(erasedEvents(first) + erasedEvents(second)).isZero();
        RetentionReports.report(admin).body(RetentionReports.kind(PEOPLE) + ".due", equalTo(2));

        assertThat(retention.sweep("deactivated-practitioners", Instant.now())).isGreaterThanOrEqualTo(2);
        assertThat(erasedEvents(first) + erasedEvents(second)).isEqualTo(2);
    }

    @Test
    void staffSyncReportsLoseTheirRowsAfterAYearAndKeepTheirCounts() {
        Fixtures.School school = Fixtures.school();
        String admin = school.partnership().adminToken();
        String mis = Tokens.mis(school.urn());
        String csv = StaffSyncTest.HEADER + StaffSyncTest.Person.next("Y1").row("Yan", "TEACHER", null)
                + "B1,12,Bad,Row,not-an-email,WIZARD,,,,,\n";
        String old = StaffSyncTest.location(StaffSyncTest.sync(mis, school.urn(), "?mode=partial", csv).statusCode(201));
        String recent = StaffSyncTest.location(StaffSyncTest.sync(mis, school.urn(), "?mode=partial",
                StaffSyncTest.HEADER + StaffSyncTest.Person.next("Y2").row("Yve", "TEACHER", null)).statusCode(201));
        UUID oldId = UUID.fromString(old.substring(old.lastIndexOf('/') + 1));
        UUID recentId = UUID.fromString(recent.substring(recent.lastIndexOf('/') + 1));
        sql("update staff_sync_job set created_at = now() - interval '400 days' where id = ?1", oldId);

        RetentionReports.assertDue(admin, Fixtures.partnership().adminToken(), REPORTS, "directory-service", "PT8760H",
                equalTo(1));

        assertThat(retention.sweep("staff-sync-reports", Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(Fixtures.count("staff_sync_row", "job_id = ?1", oldId)).isZero();
        assertThat(StaffSyncTest.rows(mis, old).getList("items")).isEmpty();
        given().auth().oauth2(mis).get(old).then().statusCode(200)
                .body("rows", equalTo(2)).body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("status", equalTo("COMPLETED_WITH_REJECTIONS")).body("rowsRemovedAt", notNullValue());
        given().auth().oauth2(mis).get("/api/v1/schools/" + school.urn() + "/staff-syncs").then().statusCode(200)
                .body("items.id", hasItem(oldId.toString()));
        assertThat(Fixtures.count("staff_sync_row", "job_id = ?1", recentId)).isOne();
        given().auth().oauth2(mis).get(recent).then().statusCode(200).body("rowsRemovedAt", nullValue());
        assertThat(count(RetentionReports.sweepAuditQuery(REPORTS, "staff", school.partnership().id()))).isOne();

        RetentionReports.assertNoneDue(admin, REPORTS);
        assertThat(retention.sweep("staff-sync-reports", Instant.now())).as("a second sweep has nothing left").isZero();
    }

    @Test
    void onlyPartnershipAdminsReadTheReport() {
        Fixtures.School school = Fixtures.school();
        RetentionReports.assertOnlyAdminsRead(school.leadToken(), Tokens.mis(school.urn()));
    }

    private static void deactivate(String admin, UUID id) {
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/practitioners/" + id))
                .post("/api/v1/practitioners/" + id + "/deactivation").then().statusCode(200);
    }

    private static long erasedEvents(UUID person) {
        return Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type = 'cpd.directory.practitioner-erased.v1'",
                person.toString());
    }

    private static long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em().createNativeQuery(query).getSingleResult()).longValue());
    }

    private static void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }
}
