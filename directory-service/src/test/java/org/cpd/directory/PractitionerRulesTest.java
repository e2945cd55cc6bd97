package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PractitionerRulesTest extends SchoolTest {

    String links(List<UUID> managers, List<UUID> appraisers) {
        return "{\"lineManagerIds\":" + ids(managers) + ",\"appraiserIds\":" + ids(appraisers) + "}";
    }

    static String ids(List<UUID> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    io.restassured.response.Response setLinks(UUID id, List<UUID> managers, List<UUID> appraisers) {
        String etag = Fixtures.etag(lead, "/api/v1/practitioners/" + id);
        return as(lead).header("If-Match", etag).body(links(managers, appraisers)).put("/api/v1/practitioners/" + id + "/line-management");
    }

    @Test
    void recordsLineManagerAndAppraiserAndPublishesTheChange() {
        UUID teacher = Fixtures.practitioner(school);
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        setLinks(teacher, List.of(head), List.of(head)).then().statusCode(200)
                .body("lineManagerIds", contains(head.toString()))
                .body("appraiserIds", contains(head.toString()));
        List<ConsumerRecord<String, String>> events = CloudEventsOnKafka.await(DirectoryEvents.TOPIC,
                r -> teacher.toString().equals(r.key())
                        && DirectoryEvents.LINE_MANAGEMENT_CHANGED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        assertThat(events.get(0).value()).contains(head.toString());
    }

    @Test
    void refusesSelfManagement() {
        UUID teacher = Fixtures.practitioner(school);
        setLinks(teacher, List.of(teacher), List.of(teacher)).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("lineManagerIds", "appraiserIds"));
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", teacher)).isZero();
    }

    @Test
    void refusesLineManagementCycles() {
        UUID a = Fixtures.practitioner(school);
        UUID b = Fixtures.practitioner(school);
        UUID c = Fixtures.practitioner(school);
        setLinks(b, List.of(a), List.of()).then().statusCode(200); // a manages b
        setLinks(c, List.of(b), List.of()).then().statusCode(200); // b manages c
        setLinks(a, List.of(c), List.of()).then().statusCode(409)  // c manages a would close the circle
                .body("type", equalTo("urn:cpd:problem:management-cycle"));
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", a)).isZero();
    }

    @Test
    void refusesLinksToUnknownPeople() {
        UUID teacher = Fixtures.practitioner(school);
        setLinks(teacher, List.of(UUID.randomUUID()), List.of()).then().statusCode(400)
                .body("errors.field", hasItem("lineManagerIds"));
    }

    @Test
    void staleETagOnLinksIs412AndNothingChanges() {
        UUID teacher = Fixtures.practitioner(school);
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        as(lead).header("If-Match", "\"41\"").body(links(List.of(head), List.of()))
                .put("/api/v1/practitioners/" + teacher + "/line-management").then().statusCode(412);
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", teacher)).isZero();
    }

    @Test
    void updatesWithIfMatchAndPublishesPractitionerUpdated() {
        UUID id = Fixtures.practitioner(school);
        String path = "/api/v1/practitioners/" + id;
        String etag = Fixtures.etag(lead, path);
        String email = as(lead).get(path).then().extract().path("email");
        String newEtag = as(lead).header("If-Match", etag)
                .body(Fixtures.practitionerJson("New Name", email, null, school.urn(), "MIDDLE_LEADER"))
                .put(path).then().statusCode(200).body("fullName", equalTo("New Name"))
                .body("careerStage", equalTo("MIDDLE_LEADER")).extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> id.toString().equals(r.key())
                && DirectoryEvents.PRACTITIONER_UPDATED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
    }

    @Test
    void deactivatesWithoutDeletingAndPublishes() {
        UUID id = Fixtures.practitioner(school);
        String path = "/api/v1/practitioners/" + id;
        as(lead).header("If-Match", Fixtures.etag(lead, path)).post(path + "/deactivation")
                .then().statusCode(200).body("active", equalTo(false));
        as(lead).get(path).then().statusCode(200).body("active", equalTo(false));
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> id.toString().equals(r.key())
                && DirectoryEvents.PRACTITIONER_DEACTIVATED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
    }

    @Test
    void colleaguesSeeThePublicProfileOnly() {
        UUID id = Fixtures.practitioner(school);
        UUID head = Fixtures.practitioner(school, "HEADTEACHER");
        setLinks(id, List.of(head), List.of()).then().statusCode(200);
        String colleague = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID())
                .schools(school.urn()).partnerships(school.partnership().id()).build();
        as(colleague).get("/api/v1/practitioners/" + id).then().statusCode(200)
                .body("fullName", org.hamcrest.Matchers.notNullValue())
                .body("email", nullValue()).body("trn", nullValue()).body("lineManagerIds", nullValue());
        as(Tokens.practitioner(id, school.urn())).get("/api/v1/practitioners/" + id).then().statusCode(200)
                .body("email", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void outsidersGet404AndPractitionersCannotList() {
        UUID id = Fixtures.practitioner(school);
        String outsider = Tokens.builder().roles("practitioner").practitioner(UUID.randomUUID())
                .schools("999999").partnerships(UUID.randomUUID()).build();
        as(outsider).get("/api/v1/practitioners/" + id).then().statusCode(404).contentType("application/problem+json");
        as(outsider).get("/api/v1/practitioners").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void leadsOfOtherSchoolsCannotRegisterOrChangeStaff() {
        Fixtures.School other = Fixtures.school(school.partnership());
        as(other.leadToken()).body(Fixtures.practitionerJson("X", Fixtures.uniqueEmail("x"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(403).contentType("application/problem+json");
        as(Tokens.practitioner(UUID.randomUUID(), school.urn()))
                .body(Fixtures.practitionerJson("X", Fixtures.uniqueEmail("x"), null, school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(403);
    }

    @Test
    void aPractitionerEditsTheirOwnProfileButNotTheirEmail() {
        UUID id = Fixtures.practitioner(school);
        String path = "/api/v1/practitioners/" + id;
        String self = Tokens.practitioner(id, school.urn());
        String email = as(self).get(path).then().extract().path("email");
        String trn = as(self).get(path).then().extract().path("trn");
        as(self).header("If-Match", Fixtures.etag(self, path))
                .body(Fixtures.practitionerJson("My Name", email, trn, school.urn(), "TEACHER"))
                .put(path).then().statusCode(200).body("fullName", equalTo("My Name"));
        as(self).header("If-Match", Fixtures.etag(self, path))
                .body(Fixtures.practitionerJson("My Name", Fixtures.uniqueEmail("new"), trn, school.urn(), "TEACHER"))
                .put(path).then().statusCode(403);
    }

    @Test
    void listsAreCursorPagedAndHonourUpdatedSince() {
        for (int i = 0; i < 3; i++) {
            Fixtures.practitioner(school);
        }
        String admin = school.partnership().adminToken();
        io.restassured.response.Response first = as(admin).queryParam("schoolUrn", school.urn()).queryParam("limit", 2)
                .get("/api/v1/practitioners");
        first.then().statusCode(200).body("items.size()", equalTo(2));
        String cursor = first.path("nextCursor");
        assertThat(first.header("Link")).contains("rel=\"next\"");
        as(admin).queryParam("schoolUrn", school.urn()).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/practitioners").then().statusCode(200).body("items.size()", equalTo(1))
                .body("nextCursor", nullValue());
        as(admin).queryParam("schoolUrn", school.urn()).queryParam("updatedSince", "2999-01-01T00:00:00Z")
                .get("/api/v1/practitioners").then().statusCode(200).body("items.size()", equalTo(0));
    }
}
