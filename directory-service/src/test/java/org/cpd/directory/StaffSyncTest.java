package org.cpd.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff sync of issue 14 item 1: one test per rule (docs/integrations.md). */
@QuarkusTest
class StaffSyncTest {

    static final String HEADER = "misStaffId,trn,givenName,familyName,email,role,lineManagerMisId,subjects,phases,startDate,leaveDate\n";

    record Person(String misId, String trn, String email) {
        static Person next(String misId) {
            return new Person(misId, Fixtures.nextTrn(), Fixtures.uniqueEmail(misId.toLowerCase()));
        }

        String row(String given, String family, String role, String manager, String leaveDate) {
            return misId + "," + (trn == null ? "" : trn) + "," + given + "," + family + "," + email + "," + role + ","
                    + (manager == null ? "" : manager) + ",MATHEMATICS,SECONDARY,2020-09-01," + (leaveDate == null ? "" : leaveDate) + "\n";
        }

        String row(String given, String role, String manager) {
            return row(given, "Test", role, manager, null);
        }
    }

    static ValidatableResponse sync(String token, String school, String query, String csv) {
        return given().auth().oauth2(token).contentType("text/csv").body(csv)
                .post("/api/v1/schools/" + school + "/staff-syncs" + query).then();
    }

    static JsonPath rows(String token, String jobLocation) {
        return given().auth().oauth2(token).queryParam("limit", 200).get(jobLocation + "/rows").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> rowOf(JsonPath rows, String misId) {
        return rows.getList("items", Map.class).stream().filter(r -> misId.equals(r.get("misStaffId")))
                .map(r -> (Map<String, Object>) r).findFirst().orElseThrow();
    }

    static String location(ValidatableResponse response) {
        return java.net.URI.create(response.extract().header("Location")).getPath();
    }

    static long written() {
        return Fixtures.count("practitioner") + Fixtures.count("outbox_event") + Fixtures.count("account")
                + Fixtures.count("line_management") + Fixtures.count("practitioner_mis_id");
    }

    /** Each test syncs a school of its own, as that school's MIS. */
    private Fixtures.School school;
    private String mis;

    @BeforeEach
    void aSchoolAndItsMis() {
        school = Fixtures.school();
        mis = Tokens.mis(school.urn());
    }

    @Test
    void aSyncIsAJobWithEachRowsOutcomeAndPractitionerId() {
        Person head = Person.next("H1");
        Person teacher = Person.next("T1");
        String csv = HEADER + head.row("Hana", "MIDDLE_LEADER", null) + teacher.row("Theo", "TEACHER", "H1")
                + "B1,12,Bad,Row,not-an-email,WIZARD,,,,,\n";
        ValidatableResponse created = sync(mis, school.urn(), "", csv).statusCode(201)
                .header("Location", containsString("/api/v1/schools/" + school.id() + "/staff-syncs/"))
                .body("status", equalTo("COMPLETED_WITH_REJECTIONS")).body("mode", equalTo("FULL"))
                .body("rows", equalTo(3)).body("created", equalTo(2)).body("rejected", equalTo(1)).body("dryRun", equalTo(false));
        String job = location(created);
        given().auth().oauth2(mis).get(job).then().statusCode(200).body("created", equalTo(2));
        JsonPath rows = rows(mis, job);
        assertThat(rows.getList("items.line")).containsExactly(2, 3, 4);
        assertThat(rowOf(rows, "H1")).containsEntry("outcome", "CREATED").extractingByKey("practitionerId").isNotNull();
        Map<String, Object> bad = rowOf(rows, "B1");
        assertThat(bad).containsEntry("outcome", "REJECTED").containsEntry("practitionerId", null);
        assertThat((List<Map<String, String>>) bad.get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("trn", "email", "role");
        UUID headId = UUID.fromString((String) rowOf(rows, "H1").get("practitionerId"));
        UUID teacherId = UUID.fromString((String) rowOf(rows, "T1").get("practitionerId"));
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", teacherId)).isEqualTo(1);
        assertThat(Fixtures.count("line_management", "manager_id = ?1", headId)).isEqualTo(1);
        given().auth().oauth2(mis).queryParam("outcome", "REJECTED").get(job + "/rows").then().statusCode(200)
                .body("items.misStaffId", org.hamcrest.Matchers.contains("B1"));
        given().auth().oauth2(mis).get("/api/v1/schools/" + school.urn() + "/staff-syncs").then().statusCode(200)
                .body("items.id", hasItem(job.substring(job.lastIndexOf('/') + 1)));
    }

    @Test
    void rowsMatchByMisIdThenTrnThenEmail() {
        Person p = Person.next("M1");
        String first = location(sync(mis, school.urn(), "?mode=partial", HEADER + p.row("Mia", "TEACHER", null)).statusCode(201));
        UUID id = UUID.fromString((String) rowOf(rows(mis, first), "M1").get("practitionerId"));

        // same MIS id, new email and TRN: the MIS id decides who it is
        Person changed = new Person("M1", Fixtures.nextTrn(), Fixtures.uniqueEmail("m1b"));
        JsonPath byMis = rows(mis, location(sync(mis, school.urn(), "?mode=partial", HEADER + changed.row("Mia", "TEACHER", null))
                .statusCode(201).body("updated", equalTo(1))));
        assertThat(rowOf(byMis, "M1")).containsEntry("practitionerId", id.toString());

        // a new MIS id (the MIS was replaced) with the same TRN: matched by TRN
        Person renumbered = new Person("X9", changed.trn(), Fixtures.uniqueEmail("m1c"));
        JsonPath byTrn = rows(mis, location(sync(mis, school.urn(), "?mode=partial", HEADER + renumbered.row("Mia", "TEACHER", null))
                .statusCode(201).body("updated", equalTo(1))));
        assertThat(rowOf(byTrn, "X9")).containsEntry("practitionerId", id.toString());

        // someone registered by hand, without TRN in the file: matched by email
        UUID registered = Fixtures.practitioner(school);
        String email = given().auth().oauth2(school.partnership().adminToken()).get("/api/v1/practitioners/" + registered)
                .then().extract().path("email");
        Person byEmailOnly = new Person("E1", null, email.toUpperCase());
        JsonPath byEmail = rows(mis, location(sync(mis, school.urn(), "?mode=partial", HEADER + byEmailOnly.row("Eve", "TEACHER", null))
                .statusCode(201)));
        assertThat(rowOf(byEmail, "E1")).containsEntry("practitionerId", registered.toString()).containsEntry("outcome", "UPDATED");
        assertThat(Fixtures.count("practitioner", "school_id = ?1", school.id())).isEqualTo(2);
    }

    @Test
    void matchingNeverCrossesTheCallersSchoolsAndPartnerships() {
        Fixtures.School elsewhere = Fixtures.school();
        UUID outsider = Fixtures.practitioner(elsewhere);
        JsonPath held = given().auth().oauth2(elsewhere.partnership().adminToken()).get("/api/v1/practitioners/" + outsider)
                .then().extract().jsonPath();
        String csv = HEADER + new Person("O1", held.getString("trn"), Fixtures.uniqueEmail("o1")).row("Oscar", "TEACHER", null)
                + new Person("O2", null, held.getString("email")).row("Olga", "TEACHER", null);
        JsonPath rows = rows(mis, location(sync(mis, school.urn(), "?mode=partial", csv).statusCode(201).body("rejected", equalTo(2))));
        for (String misId : List.of("O1", "O2")) {
            Map<String, Object> row = rowOf(rows, misId);
            assertThat(row).containsEntry("practitionerId", null);
            assertThat(row.get("errors").toString()).contains("belongs to a person outside your schools and partnerships");
        }
        given().auth().oauth2(elsewhere.partnership().adminToken()).get("/api/v1/practitioners/" + outsider).then()
                .body("fullName", equalTo(held.getString("fullName"))).body("schoolUrn", equalTo(elsewhere.urn()));
    }

    @Test
    void aFullSyncDeactivatesThoseAbsentAndLeaversButAPartialOneOnlyLeavers() {
        Person stays = Person.next("S1");
        Person leaves = Person.next("L1");
        Person absent = Person.next("A1");
        Person partialAbsent = Person.next("P1");
        sync(mis, school.urn(), "", HEADER + stays.row("Sam", "TEACHER", null) + leaves.row("Lee", "TEACHER", null)
                + absent.row("Ann", "TEACHER", null) + partialAbsent.row("Pat", "TEACHER", null)).statusCode(201).body("created", equalTo(4));
        String yesterday = LocalDate.now().minusDays(1).toString();

        String partial = location(sync(mis, school.urn(), "?mode=partial", HEADER + stays.row("Sam", "TEACHER", null)
                + leaves.row("Lee", "Test", "TEACHER", null, yesterday)).statusCode(201)
                .body("deactivated", equalTo(1)).body("unchanged", equalTo(1)));
        assertThat(rowOf(rows(mis, partial), "L1")).containsEntry("outcome", "DEACTIVATED");
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1 and not active", leaves.email())).isEqualTo(1);
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1 and active", absent.email())).isEqualTo(1);

        String full = location(sync(mis, school.urn(), "?mode=full", HEADER + stays.row("Sam", "TEACHER", null))
                .statusCode(201).body("deactivated", equalTo(2)));
        JsonPath rows = rows(mis, full);
        assertThat(rowOf(rows, "A1")).containsEntry("outcome", "DEACTIVATED").containsEntry("line", null);
        assertThat(rowOf(rows, "P1")).containsEntry("outcome", "DEACTIVATED");
        for (Person gone : List.of(absent, partialAbsent)) {
            assertThat(Fixtures.count("practitioner", "lower(email) = ?1 and not active", gone.email())).isEqualTo(1);
        }
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1 and active", stays.email())).isEqualTo(1);
        UUID deactivated = UUID.fromString((String) rowOf(rows, "A1").get("practitionerId"));
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type like '%practitioner-deactivated%'",
                deactivated.toString())).isEqualTo(1);
    }

    @Test
    void aLineManagementCycleIsRejectedOnEachOfItsRowsAndOnThoseManagedFromIt() {
        String csv = HEADER + Person.next("C1").row("Cal", "TEACHER", "C2") + Person.next("C2").row("Cat", "TEACHER", "C1")
                + Person.next("C3").row("Cem", "TEACHER", "C1") + Person.next("C4").row("Cid", "TEACHER", "C9")
                + Person.next("C5").row("Coe", "MIDDLE_LEADER", null) + Person.next("C6").row("Cyd", "TEACHER", "C5");
        JsonPath rows = rows(mis, location(sync(mis, school.urn(), "", csv).statusCode(201)
                .body("rejected", equalTo(4)).body("created", equalTo(2))));
        assertThat(rowOf(rows, "C1").get("errors").toString()).contains("circle");
        assertThat(rowOf(rows, "C2").get("errors").toString()).contains("circle");
        assertThat(rowOf(rows, "C3").get("errors").toString()).contains("line 2) was rejected");
        assertThat(rowOf(rows, "C4").get("errors").toString()).contains("no row of this file has MIS staff id C9");
        assertThat(rowOf(rows, "C6")).containsEntry("outcome", "CREATED");
    }

    @Test
    void aDryRunReportsTheSameOutcomeAndWritesNothingButTheJob() {
        Person existing = Person.next("D1");
        sync(mis, school.urn(), "", HEADER + existing.row("Dee", "TEACHER", null) + Person.next("D2").row("Dan", "TEACHER", null))
                .statusCode(201);
        String csv = HEADER + existing.row("Dee Renamed", "TEACHER", null) + Person.next("D3").row("Dot", "TEACHER", "D1");
        long before = written();
        String dry = location(sync(mis, school.urn(), "?dryRun=true", csv).statusCode(201).body("dryRun", equalTo(true))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("deactivated", equalTo(1)));
        assertThat(written()).isEqualTo(before);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Dee Renamed Test")).isZero();
        JsonPath rows = rows(mis, dry);
        assertThat(rowOf(rows, "D3")).containsEntry("outcome", "CREATED").containsEntry("practitionerId", null);
        assertThat(rowOf(rows, "D1")).containsEntry("outcome", "UPDATED");

        sync(mis, school.urn(), "", csv).statusCode(201).body("created", equalTo(1)).body("updated", equalTo(1))
                .body("deactivated", equalTo(1));
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Dee Renamed Test")).isEqualTo(1);
    }

    @Test
    void anAtomicSyncWithARejectedRowWritesNothing() {
        Person good = Person.next("G1");
        long before = written();
        sync(mis, school.urn(), "?atomic=true", HEADER + good.row("Gil", "TEACHER", null) + "G2,,No,Email,,TEACHER,,,,,\n")
                .statusCode(201).body("status", equalTo("ABORTED")).body("atomic", equalTo(true))
                .body("created", equalTo(1)).body("rejected", equalTo(1));
        assertThat(written()).isEqualTo(before);
        sync(mis, school.urn(), "?atomic=true", HEADER + good.row("Gil", "TEACHER", null)).statusCode(201)
                .body("status", equalTo("COMPLETED")).body("created", equalTo(1));
        assertThat(Fixtures.count("practitioner", "lower(email) = ?1", good.email())).isEqualTo(1);
    }

    @Test
    void sendingTheSameFileAgainChangesNothing() {
        String csv = HEADER + Person.next("R1").row("Ria", "MIDDLE_LEADER", null) + Person.next("R2").row("Rob", "TEACHER", "R1")
                + Person.next("R3").row("Roy", "TEACHER", "R1");
        sync(mis, school.urn(), "", csv).statusCode(201).body("created", equalTo(3));
        long events = Fixtures.count("outbox_event");
        long practitioners = Fixtures.count("practitioner");
        sync(mis, school.urn(), "", csv).statusCode(201).body("status", equalTo("COMPLETED"))
                .body("unchanged", equalTo(3)).body("created", equalTo(0)).body("updated", equalTo(0)).body("deactivated", equalTo(0));
        assertThat(Fixtures.count("outbox_event")).isEqualTo(events);
        assertThat(Fixtures.count("practitioner")).isEqualTo(practitioners);
    }

    @Test
    void eachCreatedOrUpdatedPersonGetsOneEventWithTheirLineManagersAndAnAccountDue() {
        Person lead = Person.next("V1");
        Person member = Person.next("V2");
        String job = location(sync(mis, school.urn(), "", HEADER + lead.row("Val", "MIDDLE_LEADER", null)
                + member.row("Vic", "TEACHER", "V1")).statusCode(201).body("created", equalTo(2)));
        JsonPath rows = rows(mis, job);
        String leadId = (String) rowOf(rows, "V1").get("practitionerId");
        String memberId = (String) rowOf(rows, "V2").get("practitionerId");
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1", memberId)).isEqualTo(1);
        assertThat(Fixtures.count("outbox_event", "event_type like '%practitioner-registered%' and payload like ?1",
                "%\"id\":\"" + memberId + "\"%\"lineManagerIds\":[\"" + leadId + "\"]%")).isEqualTo(1);
        assertThat(Fixtures.count("account", "id = ?1 and generation = 1 and invite_requested", UUID.fromString(memberId))).isEqualTo(1);
        assertThat(Fixtures.count("practitioner_mis_id", "practitioner_id = ?1 and mis_staff_id = 'V2'", UUID.fromString(memberId)))
                .isEqualTo(1);

        // renamed: one updated event and the next account generation; only the line manager changed: line-management-changed
        sync(mis, school.urn(), "", HEADER + lead.row("Val", "MIDDLE_LEADER", null) + member.row("Vicky", "TEACHER", null))
                .statusCode(201).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type like '%practitioner-updated%'", memberId)).isEqualTo(1);
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", UUID.fromString(memberId))).isZero();
        assertThat(Fixtures.count("account", "id = ?1 and generation = 2", UUID.fromString(memberId))).isEqualTo(1);
        given().auth().oauth2(school.partnership().adminToken()).get("/api/v1/practitioners/" + memberId).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("fullName", equalTo("Vicky Test"));
        sync(mis, school.urn(), "", HEADER + lead.row("Val", "MIDDLE_LEADER", null) + member.row("Vicky", "TEACHER", "V1"))
                .statusCode(201).body("updated", equalTo(1));
        assertThat(Fixtures.count("outbox_event", "aggregate_id = ?1 and event_type like '%line-management-changed%'", memberId))
                .isEqualTo(1);
        assertThat(Fixtures.count("line_management", "practitioner_id = ?1", UUID.fromString(memberId))).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkAndWindows1252AreRead() {
        String utf8Email = Fixtures.uniqueEmail("bom");
        String cp1252Email = Fixtures.uniqueEmail("cp");
        byte[] bom = ("\uFEFF" + HEADER + "U1,,Zoë,Brontë," + utf8Email + ",TEACHER,,,,,\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(mis).contentType("text/csv").body(bom).post("/api/v1/schools/" + school.urn() + "/staff-syncs?mode=partial")
                .then().statusCode(201).body("created", equalTo(1));
        byte[] cp1252 = (HEADER + "W1,,Siân,O’Brien," + cp1252Email + ",TEACHER,,,,,\n").getBytes(Charset.forName("windows-1252"));
        given().auth().oauth2(mis).contentType("text/csv").body(cp1252).post("/api/v1/schools/" + school.urn() + "/staff-syncs?mode=partial")
                .then().statusCode(201).body("created", equalTo(1));
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Zoë Brontë")).isEqualTo(1);
        assertThat(Fixtures.count("practitioner", "full_name = ?1", "Siân O’Brien")).isEqualTo(1);
        given().auth().oauth2(mis).contentType("text/csv; charset=windows-1252").body(cp1252)
                .post("/api/v1/schools/" + school.urn() + "/staff-syncs?mode=partial").then().statusCode(201).body("unchanged", equalTo(1));
        given().auth().oauth2(mis).contentType("text/csv; charset=ebcdic-fr").body(cp1252)
                .post("/api/v1/schools/" + school.urn() + "/staff-syncs?mode=partial").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aJsonFileIsSyncedLikeACsvOne() {
        String json = "[{\"misStaffId\":\"J1\",\"fullName\":\"Jo Json\",\"email\":\"" + Fixtures.uniqueEmail("j1")
                + "\",\"role\":\"Middle leader\",\"subjects\":[\"MATHEMATICS\",\"PHYSICS\"]},"
                + "{\"misStaffId\":\"J2\",\"fullName\":\"Jay Json\",\"email\":\"" + Fixtures.uniqueEmail("j2")
                + "\",\"role\":\"TEACHER\",\"lineManagerMisId\":\"J1\"}]";
        given().auth().oauth2(mis).contentType("application/json").body(json).post("/api/v1/schools/" + school.urn() + "/staff-syncs")
                .then().statusCode(201).body("created", equalTo(2));
        given().auth().oauth2(mis).contentType("application/json").body("{\"misStaffId\":\"J1\"}")
                .post("/api/v1/schools/" + school.urn() + "/staff-syncs").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wholeFileProblemsAreRefusedAndWriteNothing() {
        String path = "/api/v1/schools/" + school.urn() + "/staff-syncs";
        long before = written();
        sync(mis, school.urn(), "", HEADER.replace(',', ';') + "Z1;;Zed;Z;" + Fixtures.uniqueEmail("z") + ";TEACHER;;;;;\n")
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:cpd:problem:malformed-csv"))
                .body("detail", containsString("';'"));
        sync(mis, school.urn(), "", "trn,givenName,familyName,role\n1234567,No,Email,TEACHER\n")
                .statusCode(400).body("type", equalTo("urn:cpd:problem:validation-failed"))
                .body("errors.field", hasItem("header")).body("errors.message", hasItem(containsString("misStaffId")));
        sync(mis, school.urn(), "", HEADER + Person.next("Q1").row("Quin", "TEACHER", null)
                + "Q2,,\"Never,Closed," + Fixtures.uniqueEmail("q") + ",TEACHER,,,,,\n")
                .statusCode(400).body("type", equalTo("urn:cpd:problem:malformed-csv")).body("line", equalTo(3));
        sync(mis, school.urn(), "", HEADER).statusCode(400).body("errors.field", hasItem("body"));
        sync(mis, school.urn(), "?mode=sometimes", HEADER).statusCode(400).body("errors.field", hasItem("mode"));
        assertThat(written()).isEqualTo(before);
        given().auth().oauth2(mis).contentType("application/xml").body("<staff/>").post(path).then().statusCode(415);
    }

    @Test
    void repeatedIdsAndRowsForAnotherSchoolAreRejectedRowByRow() {
        Fixtures.School other = Fixtures.school(school.partnership());
        String bothSchools = Tokens.mis(school.urn(), other.urn());
        String csv = "misStaffId,fullName,email,role,schoolUrn\n"
                + "D1,Dup One," + Fixtures.uniqueEmail("d1") + ",TEACHER," + school.urn() + "\n"
                + "D1,Dup Two," + Fixtures.uniqueEmail("d2") + ",TEACHER," + school.urn() + "\n"
                + "O1,Other School," + Fixtures.uniqueEmail("o1") + ",TEACHER," + other.urn() + "\n"
                + "K1,Kept," + Fixtures.uniqueEmail("k1") + ",TEACHER," + school.urn() + "\n";
        JsonPath rows = rows(bothSchools, location(sync(bothSchools, school.urn(), "", csv).statusCode(201)
                .body("rejected", equalTo(3)).body("created", equalTo(1))));
        assertThat(rows.getList("items.findAll { it.misStaffId == 'D1' }.errors.flatten().reason").toString())
                .contains("appears on more than one row of this file (lines 2, 3)");
        assertThat(rowOf(rows, "O1").get("errors").toString()).contains("this file is for school " + school.urn());
        assertThat(Fixtures.count("practitioner", "school_id = ?1", other.id())).isZero();
    }

    @Test
    void onlyThoseWhoManageTheSchoolSyncItAndOthersAreToldItDoesNotExist() {
        Fixtures.School other = Fixtures.school();
        String csv = HEADER + Person.next("N1").row("Nia", "TEACHER", null);
        sync(Tokens.mis(other.urn()), school.urn(), "", csv).statusCode(404).contentType("application/problem+json");
        sync(other.leadToken(), school.urn(), "", csv).statusCode(404);
        sync(other.partnership().adminToken(), school.id().toString(), "", csv).statusCode(404);
        sync(Tokens.practitioner(UUID.randomUUID(), school.urn()), school.urn(), "", csv).statusCode(403);
        String job = location(sync(school.leadToken(), school.urn(), "", csv).statusCode(201));
        given().auth().oauth2(Tokens.mis(other.urn())).get(job).then().statusCode(404);
        given().auth().oauth2(Tokens.mis(other.urn())).get(job + "/rows").then().statusCode(404);
        given().auth().oauth2(school.partnership().adminToken()).get(job).then().statusCode(200).body("rows", equalTo(1));
        given().auth().oauth2(Tokens.mis(school.urn())).get("/api/v1/schools/" + school.urn() + "/staff-syncs/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void aFileOverTheRowLimitIsRefusedWhileStreamingAndWritesNothing() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= 20_000; i++) {
            csv.append("L").append(i).append(",,Large,File,large").append(i).append('.').append(school.urn()).append("@example.org,TEACHER,,,,,\n");
        }
        long before = written();
        sync(mis, school.urn(), "", csv.toString()).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:payload-too-large")).body("detail", containsString("20000 rows"));
        assertThat(written()).isEqualTo(before);
    }
}
