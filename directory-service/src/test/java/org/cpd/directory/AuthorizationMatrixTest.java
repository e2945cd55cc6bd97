package org.cpd.directory;

import static org.cpd.directory.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.testsupport.authz.AuthorizationMatrixTestBase;
import org.cpd.testsupport.authz.Callers;
import org.cpd.testsupport.authz.Cell;
import org.cpd.testsupport.authz.Request;
import org.junit.jupiter.api.Test;

/**
 * Every operation of docs/openapi/directory-service.yaml as every kind of caller, against the
 * table in src/test/resources/authorization-matrix.csv. The people acted on belong to school A of
 * partnership 1; the "other" callers belong to school B of partnership 2.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    /**
     * Cells whose correct answer (in the table) today's code does not give yet. The runner still
     * sends them and fails once one passes, so each entry goes when its fix is merged.
     */
    static final Set<String> KNOWN_GAPS = Set.of();

    Fixtures.Partnership partnership;
    Fixtures.Partnership otherPartnership;
    Fixtures.School school;
    Fixtures.School otherSchool;
    UUID self;
    UUID colleague;
    String bothAdmins;

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        partnership = Fixtures.partnership();
        otherPartnership = Fixtures.partnership();
        school = Fixtures.school(partnership);
        otherSchool = Fixtures.school(otherPartnership);
        self = Fixtures.practitioner(school);
        colleague = Fixtures.practitioner(school);
        bothAdmins = Fixtures.adminOf(partnership.id(), otherPartnership.id());
        putOffer(self);

        // shaped like the realm's tokens: people and MIS clients carry their school and partnership
        UUID p1 = partnership.id();
        UUID p2 = otherPartnership.id();
        Callers callers = new Callers()
                .anonymous("anonymous")
                .with("self", token(self, school.urn(), p1, "practitioner"))
                .with("colleague", token(colleague, school.urn(), p1, "practitioner"))
                .with("lead", token(UUID.randomUUID(), school.urn(), p1, "school-lead", "practitioner"))
                .with("admin-both", bothAdmins);
        org.cpd.testsupport.authz.AuthorizationMatrix.load("directory-service", "authorization-matrix.csv")
                .run(withOutsiders(callers, school.urn(), p1, otherSchool.urn(), p2), this::arrange, KNOWN_GAPS, state());
    }

    /**
     * The shared snapshot, except that the webhook consumer's inbox rows are background work too: it records every
     * directory event the arrangements cause, whenever it reads them (docs/adr/0018-webhooks.md).
     */
    private static java.util.function.Supplier<java.util.Map<String, String>> state() {
        java.util.function.Supplier<java.util.Map<String, String>> shared = org.cpd.testsupport.authz.DatabaseState.of(CHANGED_IN_THE_BACKGROUND);
        return () -> {
            java.util.Map<String, String> state = new java.util.TreeMap<>(shared.get());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(org.cpd.testsupport.PostgresResource.jdbcUrl(), "postgres", "postgres");
                 java.sql.ResultSet rs = c.createStatement().executeQuery(
                         "select count(*) from inbox_event where consumer <> 'directory-webhooks'")) {
                rs.next();
                state.put("inbox_event", rs.getLong(1) + ":");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Cannot read the test database", e);
            }
            return state;
        };
    }

    @Override
    protected Request arrange(Cell cell) {
        Request request = Request.create();
        return switch (cell.operation().id()) {
            case "listExpertise", "listOrganisations", "listPartnerships", "listSchools", "listSupportOffers", "listPractitioners",
                 "listAuditEntries", "getRetentionReport" ->
                    request;
            case "searchSupporters" -> request.query("form", "MENTORING");
            case "getExpertise" -> request.path("code", "ASSESSMENT_FOR_LEARNING");
            case "createExpertise" -> request.json(expertise(uniqueCode()));
            case "updateExpertise" -> {
                String code = uniqueCode();
                as(partnership.adminToken()).body(expertise(code)).post("/api/v1/expertise").then().statusCode(201);
                yield request.path("code", code).header("If-Match", Fixtures.etag(partnership.adminToken(), "/api/v1/expertise/" + code))
                        .json(expertise(code).replace("\"label\":\"", "\"label\":\"Renamed "));
            }
            case "createPartnership" -> request.json("{\"name\":\"Another partnership\",\"kind\":\"ITE\"}");
            case "getPartnership" -> request.path("id", partnership.id());
            case "updatePartnership" -> request.path("id", partnership.id())
                    .header("If-Match", Fixtures.etag(partnership.adminToken(), "/api/v1/partnerships/" + partnership.id()))
                    .json("{\"name\":\"Renamed partnership\",\"kind\":\"REGIONAL_CPD\"}");
            case "registerOrganisation" -> request.json(organisation(partnership.id()));
            case "getOrganisation" -> request.path("id", organisation());
            case "updateOrganisation" -> {
                UUID id = organisation();
                yield request.path("id", id).header("If-Match", Fixtures.etag(partnership.adminToken(), "/api/v1/organisations/" + id))
                        .json(organisation(partnership.id(), otherPartnership.id()));
            }
            case "registerSchool" -> request.json(school(Fixtures.nextUrn(), partnership.id()));
            case "getSchool" -> request.path("idOrUrn", school.id());
            case "updateSchool" -> {
                Fixtures.School fresh = Fixtures.school(partnership);
                yield request.path("idOrUrn", fresh.id()).header("If-Match", Fixtures.etag(partnership.adminToken(), "/api/v1/schools/" + fresh.id()))
                        .json(school(fresh.urn(), partnership.id(), otherPartnership.id()));
            }
            case "registerPractitioner" -> request.json(Fixtures.practitionerJson("New Person", Fixtures.uniqueEmail("new"),
                    Fixtures.nextTrn(), school.urn(), "TEACHER"));
            case "getPractitioner", "getCpdRecord", "getSupportOffer" -> request.path(pathParameter(cell), self);
            case "matchSupporters" -> request.query("learnerId", self).query("form", "MENTORING");
            case "updatePractitioner" -> request.path("id", self).header("If-Match", etag("/api/v1/practitioners/" + self))
                    .json(renamed(self));
            case "deactivatePractitioner" -> {
                UUID person = Fixtures.practitioner(school);
                yield asOwner(cell, request, person).path("id", person).header("If-Match", etag("/api/v1/practitioners/" + person));
            }
            case "mergePractitioners" -> {
                UUID survivor = Fixtures.practitioner(school);
                UUID retired = Fixtures.practitionerWithoutTrn(school);
                yield request.path("id", survivor).header("If-Match", etag("/api/v1/practitioners/" + survivor))
                        .json("{\"retiredId\":\"" + retired + "\"}");
            }
            case "replaceLineManagement" -> request.path("id", self).header("If-Match", etag("/api/v1/practitioners/" + self))
                    .json("{\"lineManagerIds\":[\"" + colleague + "\"],\"appraiserIds\":[]}");
            case "putSupportOffer" -> request.path("practitionerId", self)
                    .header("If-Match", etag("/api/v1/support-offers/" + self)).json(offer());
            case "pauseSupportOffer", "resumeSupportOffer" -> {
                UUID person = Fixtures.practitioner(school);
                putOffer(person);
                if (cell.operation().id().equals("resumeSupportOffer")) {
                    as(partnership.adminToken()).header("If-Match", etag("/api/v1/support-offers/" + person))
                            .post("/api/v1/support-offers/" + person + "/pause").then().statusCode(200);
                }
                yield asOwner(cell, request, person).path("practitionerId", person)
                        .header("If-Match", etag("/api/v1/support-offers/" + person));
            }
            case "importStaff" -> request.with(spec -> spec.contentType("text/csv").body(
                    "email,fullName,trn,schoolUrn,careerStage,subjects,phases\n" + Fixtures.uniqueEmail("imported")
                            + ",Imported Person,," + school.urn() + ",TEACHER,MATHEMATICS,SECONDARY\n"));
            // partial: a full sync would deactivate the people the other cells act on
            case "startStaffSync" -> request.path("idOrUrn", school.urn()).query("mode", "partial")
                    .with(spec -> spec.contentType("text/csv").body(staffFile()));
            case "listStaffSyncs" -> request.path("idOrUrn", school.urn());
            case "getStaffSync", "listStaffSyncRows" -> request.path("idOrUrn", school.urn()).path("syncId", staffSync());
            case "appointPartnershipAdmin" -> request.path("id", partnership.id()).json(appointee(Fixtures.practitioner(school)));
            case "listPartnershipAdmins" -> request.path("id", partnership.id());
            case "endPartnershipAdmin" -> {
                String appointment = as(partnership.adminToken()).body(appointee(Fixtures.practitioner(school)))
                        .post("/api/v1/partnerships/" + partnership.id() + "/admins").then().statusCode(201).extract().path("id");
                yield request.path("id", partnership.id()).path("appointmentId", appointment);
            }
            case "appointSchoolLead" -> request.path("idOrUrn", school.id()).json(appointee(Fixtures.practitioner(school)));
            case "listSchoolLeads" -> request.path("idOrUrn", school.urn());
            case "endSchoolLead" -> {
                String appointment = as(partnership.adminToken()).body(appointee(Fixtures.practitioner(school)))
                        .post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(201).extract().path("id");
                yield request.path("idOrUrn", school.id()).path("appointmentId", appointment);
            }
            case "resendInvitation" -> request.path("id", Fixtures.practitioner(school));
            case "reconcileAccounts" -> request;
            case "exportSubjectDirectoryData" -> request.path("practitionerId", self);
            case "eraseSubject" -> {
                UUID person = Fixtures.practitioner(school);
                yield asOwner(cell, request, person).path("practitionerId", person);
            }
            case "getPartnershipSupportLoadInsight" -> request.path("id", partnership.id());
            case "getSchoolSupportLoadInsight" -> request.path("idOrUrn", school.urn());
            case "getSubjectErasure" -> {
                UUID person = Fixtures.practitioner(school);
                as(partnership.adminToken()).post("/api/v1/privacy/subjects/" + person + "/erasure").then().statusCode(202);
                yield asOwner(cell, request, person).path("practitionerId", person);
            }
            case "createWebhook" -> request.json(webhook());
            case "listWebhooks" -> request;
            case "getWebhook", "rotateWebhookSecret", "deleteWebhook", "listWebhookDeliveries" -> request.path("id", webhookId());
            case "updateWebhook" -> {
                String id = webhookId();
                yield request.path("id", id).header("If-Match", Fixtures.etag(misToken(), "/api/v1/webhooks/" + id))
                        .json("{\"url\":\"http://127.0.0.1:9/changed\",\"eventTypes\":[\"cpd.relationships.action-due.v1\"]}");
            }
            case "getWebhookDelivery", "replayWebhookDelivery" -> {
                String id = webhookId();
                yield request.path("id", id).path("deliveryId", webhookDelivery(id));
            }
            default -> throw new IllegalStateException("no arrangement for " + cell.operation());
        };
    }

    /** In the "self" column a cell acting on a fresh person is sent as that person. */
    private Request asOwner(Cell cell, Request request, UUID person) {
        return cell.caller().equals("self") ? request.as(token(person, school.urn(), partnership.id(), "practitioner")) : request;
    }

    private static String pathParameter(Cell cell) {
        return cell.operation().pathParameters().get(0);
    }

    private String etag(String path) {
        return Fixtures.etag(partnership.adminToken(), path);
    }

    private void putOffer(UUID person) {
        as(partnership.adminToken()).body(offer()).put("/api/v1/support-offers/" + person).then().statusCode(200);
    }

    private static String staffFile() {
        return "misStaffId,fullName,email,role\nM" + UUID.randomUUID().toString().substring(0, 8) + ",Synced Person,"
                + Fixtures.uniqueEmail("synced") + ",TEACHER\n";
    }

    private String staffSync() {
        String location = as(partnership.adminToken()).contentType("text/csv").body(staffFile())
                .post("/api/v1/schools/" + school.urn() + "/staff-syncs?mode=partial").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /**
     * A school-scoped webhook of school A, to the allow-listed local address, for a type no cell causes (the proposal
     * reminder of relationships-service): no delivery is made while the cells run.
     */
    private String webhook() {
        return "{\"url\":\"http://127.0.0.1:9/hook\",\"schoolUrn\":\"" + school.urn()
                + "\",\"eventTypes\":[\"cpd.relationships.relationship-proposal-reminder.v1\"]}";
    }

    private String misToken() {
        return org.cpd.testsupport.Tokens.builder().roles("mis-integration").client("mis-a").schools(school.urn())
                .partnerships(partnership.id()).build();
    }

    private String webhookId() {
        return as(misToken()).body(webhook()).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    /**
     * A delivery of the webhook, written as the consumer writes one; the webhook is then paused, so a replay queues the
     * delivery without the dispatcher sending it while later cells look at the database.
     */
    private static UUID webhookDelivery(String webhookId) {
        UUID id = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("""
                        insert into webhook_delivery (id, created_at, updated_at, subscription_id, event_id, event_type, body, status,
                                                      attempts, next_attempt_at)
                        values (?1, now(), now(), cast(?2 as uuid), ?3, 'cpd.directory.practitioner-registered.v2', '{}', 'FAILED', 1, null)""")
                .setParameter(1, id).setParameter(2, webhookId).setParameter(3, UUID.randomUUID().toString()).executeUpdate());
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get()
                .createNativeQuery("update webhook_subscription set active = false where id = cast(?1 as uuid)")
                .setParameter(1, webhookId).executeUpdate());
        return id;
    }

    private static String appointee(UUID practitioner) {
        return "{\"practitionerId\":\"" + practitioner + "\"}";
    }

    private static String offer() {
        return "{\"forms\":[{\"form\":\"MENTORING\",\"capacity\":2}],\"mentoringPurposes\":[\"INDUCTION\"],"
                + "\"expertiseCodes\":[\"ASSESSMENT_FOR_LEARNING\"],\"workModes\":[\"OWN_SCHOOL\"]}";
    }

    /** The person's record as it is, with another name: a change the person may make themselves. */
    private Map<String, Object> renamed(UUID person) {
        JsonPath current = as(partnership.adminToken()).get("/api/v1/practitioners/" + person).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Renamed " + UUID.randomUUID().toString().substring(0, 6));
        for (String field : List.of("email", "trn", "schoolUrn", "careerStage", "subjects", "phases")) {
            body.put(field, current.get(field));
        }
        return body;
    }

    private UUID organisation() {
        String id = as(partnership.adminToken()).body(organisation(partnership.id()))
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static String organisation(UUID... partnerships) {
        return "{\"name\":\"Northshire University\",\"kind\":\"UNIVERSITY\",\"partnershipIds\":" + ids(partnerships) + "}";
    }

    private static String school(String urn, UUID... partnerships) {
        return "{\"urn\":\"" + urn + "\",\"name\":\"School " + urn + "\",\"phase\":\"SECONDARY\",\"partnershipIds\":" + ids(partnerships) + "}";
    }

    private static String ids(UUID... ids) {
        return java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static String uniqueCode() {
        return "MATRIX_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String expertise(String code) {
        return "{\"code\":\"" + code + "\",\"label\":\"Matrix expertise\",\"category\":\"PEDAGOGY\"}";
    }
}
