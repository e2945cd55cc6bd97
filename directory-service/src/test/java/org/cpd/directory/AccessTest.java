package org.cpd.directory;

import static io.restassured.RestAssured.given;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** Who may do what, with a token of each role; every refusal is a problem body. */
@QuarkusTest
class AccessTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void withoutATokenEverythingIs401() {
        given().get("/api/v1/practitioners").then().statusCode(401).contentType(PROBLEM);
        given().get("/api/v1/supporters").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void onlyAdminsCreatePartnershipsAndSchools() {
        Fixtures.School school = Fixtures.school();
        as(school.leadToken()).body("{\"name\":\"Mine\",\"kind\":\"ITE\"}").post("/api/v1/partnerships")
                .then().statusCode(403).contentType(PROBLEM);
        as(school.leadToken()).body("{\"urn\":\"" + Fixtures.nextUrn() + "\",\"name\":\"X\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\""
                + school.partnership().id() + "\"]}").post("/api/v1/schools").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.mis(school.urn())).body("{\"code\":\"MIS_CODE\",\"label\":\"x\",\"category\":\"PEDAGOGY\"}")
                .post("/api/v1/expertise").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void adminsOfAnotherPartnershipCannotTouchTheSchool() {
        Fixtures.School school = Fixtures.school();
        String otherAdmin = Tokens.admin(UUID.randomUUID());
        String etag = Fixtures.etag(otherAdmin, "/api/v1/schools/" + school.id());
        as(otherAdmin).header("If-Match", etag)
                .body("{\"urn\":\"" + school.urn() + "\",\"name\":\"Taken over\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\""
                        + school.partnership().id() + "\"]}")
                .put("/api/v1/schools/" + school.id()).then().statusCode(403).contentType(PROBLEM);
        as(otherAdmin).body("{\"urn\":\"" + Fixtures.nextUrn() + "\",\"name\":\"X\",\"phase\":\"PRIMARY\",\"partnershipIds\":[\""
                + school.partnership().id() + "\"]}").post("/api/v1/schools").then().statusCode(403);
    }

    @Test
    void theSchoolsAdminUpdatesItWithIfMatchAndAddsASecondPartnership() {
        Fixtures.School school = Fixtures.school();
        Fixtures.Partnership second = Fixtures.partnership();
        String both = Fixtures.adminOf(school.partnership().id(), second.id());
        String etag = Fixtures.etag(both, "/api/v1/schools/" + school.id());
        as(both).header("If-Match", etag)
                .body("{\"urn\":\"" + school.urn() + "\",\"name\":\"Renamed\",\"phase\":\"SECONDARY\",\"partnershipIds\":[\""
                        + school.partnership().id() + "\",\"" + second.id() + "\"]}")
                .put("/api/v1/schools/" + school.id()).then().statusCode(200)
                .body("partnershipIds.size()", equalTo(2));
        as(both).get("/api/v1/schools/" + school.urn()).then().statusCode(200).body("name", equalTo("Renamed"));
        as(both).queryParam("partnershipId", second.id()).get("/api/v1/schools").then().statusCode(200)
                .body("items.urn", org.hamcrest.Matchers.hasItem(school.urn()));
    }

    @Test
    void schoolLeadsListOnlyTheirOwnStaff() {
        Fixtures.School school = Fixtures.school();
        Fixtures.School other = Fixtures.school(school.partnership());
        UUID mine = Fixtures.practitioner(school);
        UUID theirs = Fixtures.practitioner(other);
        as(school.leadToken()).queryParam("limit", 200).get("/api/v1/practitioners").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(mine.toString()))
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(theirs.toString())));
    }

    @Test
    void organisationsAreManagedByAdminsAndHostExternalSpecialists() {
        Fixtures.Partnership partnership = Fixtures.partnership();
        String id = as(partnership.adminToken())
                .body("{\"name\":\"Northshire University\",\"kind\":\"UNIVERSITY\",\"partnershipIds\":[\"" + partnership.id() + "\"]}")
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        as(partnership.adminToken())
                .body("{\"fullName\":\"Dr Expert\",\"email\":\"" + Fixtures.uniqueEmail("dr") + "\",\"organisationId\":\"" + id
                        + "\",\"careerStage\":\"EXTERNAL_SPECIALIST\"}")
                .post("/api/v1/practitioners").then().statusCode(201).body("organisationId", equalTo(id));
        as(Tokens.practitioner(UUID.randomUUID(), "100001"))
                .body("{\"name\":\"Mine\",\"kind\":\"CONSULTANCY\",\"partnershipIds\":[\"" + partnership.id() + "\"]}")
                .post("/api/v1/organisations").then().statusCode(403);
    }

    // Leak 2 of issue 10: changing memberships needs admin rights in every partnership added or removed.

    @Test
    void anAdminOfOnePartnershipCannotAddAnotherToAnOrganisation() {
        Fixtures.Partnership mine = Fixtures.partnership();
        Fixtures.Partnership theirs = Fixtures.partnership();
        String id = organisation(mine.adminToken(), mine.id());
        String etag = Fixtures.etag(mine.adminToken(), "/api/v1/organisations/" + id);
        long events = Fixtures.count("outbox_event", "aggregate_id = ?1", id);

        as(mine.adminToken()).header("If-Match", etag)
                .body(organisationJson("Taken along", mine.id(), theirs.id()))
                .put("/api/v1/organisations/" + id).then().statusCode(403).contentType(PROBLEM);

        as(mine.adminToken()).get("/api/v1/organisations/" + id).then().statusCode(200)
                .header("ETag", equalTo(etag))
                .body("name", equalTo("Northshire University"))
                .body("partnershipIds", org.hamcrest.Matchers.contains(mine.id().toString()));
        org.assertj.core.api.Assertions.assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1", id))
                .as("no organisation-updated event").isEqualTo(events);
    }

    @Test
    void anAdminOfOnePartnershipCannotRemoveAnotherFromAnOrganisation() {
        Fixtures.Partnership mine = Fixtures.partnership();
        Fixtures.Partnership theirs = Fixtures.partnership();
        String both = Fixtures.adminOf(mine.id(), theirs.id());
        String id = organisation(both, mine.id(), theirs.id());

        assertRefusedAndStillInBoth(mine.adminToken(), "/api/v1/organisations/" + id,
                organisationJson("Northshire University", mine.id()));
    }

    @Test
    void anAdminOfOnePartnershipCannotRemoveAnotherFromASchool() {
        Fixtures.Partnership mine = Fixtures.partnership();
        Fixtures.Partnership theirs = Fixtures.partnership();
        String both = Fixtures.adminOf(mine.id(), theirs.id());
        String urn = Fixtures.nextUrn();
        String id = as(both).body(schoolJson(urn, "Shared School", mine.id(), theirs.id()))
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");

        assertRefusedAndStillInBoth(mine.adminToken(), "/api/v1/schools/" + id, schoolJson(urn, "Shared School", mine.id()));
    }

    @Test
    void anAdminOfEveryPartnershipChangedMovesAnOrganisation() {
        Fixtures.Partnership mine = Fixtures.partnership();
        Fixtures.Partnership theirs = Fixtures.partnership();
        String both = Fixtures.adminOf(mine.id(), theirs.id());
        String id = organisation(mine.adminToken(), mine.id());
        String etag = Fixtures.etag(both, "/api/v1/organisations/" + id);

        as(both).header("If-Match", etag).body(organisationJson("Northshire University", theirs.id()))
                .put("/api/v1/organisations/" + id).then().statusCode(200)
                .body("partnershipIds", org.hamcrest.Matchers.contains(theirs.id().toString()));
    }

    /** The change is refused and the record is as it was: the same version, still in both partnerships. */
    private static void assertRefusedAndStillInBoth(String token, String path, String change) {
        String etag = Fixtures.etag(token, path);

        as(token).header("If-Match", etag).body(change).put(path).then().statusCode(403).contentType(PROBLEM);

        as(token).get(path).then().statusCode(200)
                .header("ETag", equalTo(etag)).body("partnershipIds.size()", equalTo(2));
    }

    private static String organisation(String token, UUID... partnerships) {
        return as(token).body(organisationJson("Northshire University", partnerships))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
    }

    private static String organisationJson(String name, UUID... partnerships) {
        return "{\"name\":\"" + name + "\",\"kind\":\"UNIVERSITY\",\"partnershipIds\":" + ids(partnerships) + "}";
    }

    private static String schoolJson(String urn, String name, UUID... partnerships) {
        return "{\"urn\":\"" + urn + "\",\"name\":\"" + name + "\",\"phase\":\"PRIMARY\",\"partnershipIds\":"
                + ids(partnerships) + "}";
    }

    private static String ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
