package org.cpd.relationships;

import static org.awaitility.Awaitility.await;
import static org.cpd.relationships.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.testsupport.authz.AuthorizationMatrixTestBase;
import org.cpd.testsupport.authz.Callers;
import org.cpd.testsupport.authz.Cell;
import org.cpd.testsupport.authz.Request;
import org.junit.jupiter.api.Test;

/**
 * Every operation of docs/openapi/relationships-service.yaml as every kind of caller, against the
 * table in src/test/resources/authorization-matrix.csv. The people (known from directory events
 * sent over the broker) work at school A of partnership 1: "self" is the learner, "participant"
 * the coach; the "other" callers belong to school B of partnership 2.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    /**
     * Cells whose correct answer (in the table) today's code does not give yet. The runner still
     * sends them and fails once one passes, so each entry goes when its fix is merged.
     */
    static final Set<String> KNOWN_GAPS = Set.of();

    /** Cells that act on a relationship of their own each take a fresh learner. */
    static final int FRESH_LEARNERS = 140;

    @Inject
    Directory directory;

    final UUID partnership = UUID.randomUUID();
    final UUID otherPartnership = UUID.randomUUID();
    final String school = urn();
    final String otherSchool = urn();
    final Deque<UUID> freshLearners = new ArrayDeque<>();
    UUID learner;
    UUID coach;
    UUID mentor;
    UUID colleague;
    String leadToken;
    String relationship;
    String conversation;

    @Test
    void everyOperationAnswersEachCallerAsTheTableSays() {
        coach = person(Map.of("SPECIALIST_COACHING", FRESH_LEARNERS + 10));
        mentor = person(Map.of("MENTORING", FRESH_LEARNERS + 10));
        learner = person(null);
        colleague = person(null);
        for (int i = 0; i < FRESH_LEARNERS; i++) {
            freshLearners.add(person(null));
        }
        awaitKnown(List.of(coach, mentor, learner, colleague));
        awaitKnown(List.copyOf(freshLearners));
        for (UUID supporter : List.of(coach, mentor)) {
            awaitCapacity(supporter);
        }
        leadToken = token(UUID.randomUUID(), school, partnership, "school-lead", "practitioner");

        relationship = Api.activeCoaching(coach, learner);
        conversation = heldConversation(relationship, learner);

        Callers callers = new Callers()
                .anonymous("anonymous")
                .with("self", token(learner, school, partnership, "practitioner"))
                .with("participant", token(coach, school, partnership, "practitioner"))
                .with("colleague", token(colleague, school, partnership, "practitioner"))
                .with("lead", leadToken);
        run("relationships-service", withOutsiders(callers, school, partnership, otherSchool, otherPartnership), KNOWN_GAPS);
    }

    @Override
    protected Request arrange(Cell cell) {
        Request request = Request.create();
        return switch (cell.operation().id()) {
            case "listActivities", "listAuditEntries", "getRetentionReport" -> request;
            case "getPartnershipRelationshipInsight" -> request.path("id", partnership);
            case "getSchoolRelationshipInsight" -> request.path("idOrUrn", school);
            case "getRelationship", "getAgreement", "getRelationshipTimeline", "getCoCoachingReciprocity", "getSelfDirectionTrend",
                 "getProtectedTime" -> request.path("id", relationship);
            case "getAgreementVersion" -> request.path("id", relationship).path("version", 1);
            case "listConversations" -> request.query("relationshipId", relationship);
            case "getConversation" -> request.path("id", conversation);
            case "exportSubjectRelationshipsData" -> request.path("practitionerId", learner);
            case "getSubjectRelationshipsErasure" -> request.path("practitionerId", erasedPerson());
            case "listRelationships" -> request.query("participant", learner);
            case "listMyActionPoints" -> request.query("owner", "me");
            case "getKnownParticipant" -> request.path("practitionerId", learner);
            case "getPartnershipSetting" -> request.path("partnershipId", partnership);
            case "putPartnershipSetting" -> request.path("partnershipId", partnership)
                    .json("{\"partnershipId\":\"" + partnership + "\",\"allowsCrossPartnership\":false}");
            case "proposeRelationship" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).json(Api.coaching(coach, fresh));
            }
            case "acceptRelationship" -> {
                UUID fresh = freshLearners.pop();
                String id = Api.propose(as(leadToken), Api.coaching(coach, fresh)).then().statusCode(201).extract().path("id");
                yield asLearner(cell, request, fresh).path("id", id);
            }
            case "declineRelationship", "withdrawRelationship" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).path("id", proposed(fresh)).json("{\"reason\":\"Not this term\"}");
            }
            case "activateRelationship" -> {
                UUID fresh = freshLearners.pop();
                String id = accepted(fresh);
                for (UUID p : List.of(coach, fresh)) {
                    as(p).post("/api/v1/relationships/" + id + "/agreement/versions/1/signatures").then().statusCode(200);
                }
                yield asLearner(cell, request, fresh).path("id", id);
            }
            case "pauseRelationship" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).path("id", Api.activeCoaching(coach, fresh)).json("{\"reason\":\"Trip\"}");
            }
            case "closeRelationship" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).path("id", Api.activeCoaching(coach, fresh))
                        .json("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"Goals met\"}");
            }
            case "resumeRelationship" -> {
                UUID fresh = freshLearners.pop();
                String id = Api.activeCoaching(coach, fresh);
                as(fresh).body("{\"reason\":\"Trip\"}").post("/api/v1/relationships/" + id + "/pause").then().statusCode(200);
                yield asLearner(cell, request, fresh).path("id", id);
            }
            case "signAgreement" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).path("id", accepted(fresh)).path("version", 1);
            }
            case "reviseAgreement" -> {
                UUID fresh = freshLearners.pop();
                String id = accepted(fresh);
                String etag = as(coach).get("/api/v1/relationships/" + id + "/agreement").then().statusCode(200).extract().header("ETag");
                yield asLearner(cell, request, fresh).path("id", id).header("If-Match", etag).json("""
                        {"groundRules":"We meet fortnightly","confidentiality":"Notes stay between us",
                         "powerAndAccountability":"The learner sets the agenda","protectedHoursPerHalfTerm":4,"coverNeeded":false}""");
            }
            case "createConversation" -> request.json(conversationBody(relationship, Instant.now().plus(7, ChronoUnit.DAYS), ""));
            case "recordConversation" -> {
                String planned = as(learner).body(conversationBody(relationship, Instant.now().plus(7, ChronoUnit.DAYS), ""))
                        .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
                yield request.path("id", planned)
                        .json("{\"durationMinutes\":50,\"setting\":\"OWN_WORKPLACE\",\"agendaOwner\":\"LEARNER_LED\"}");
            }
            case "completeActionPoint" -> {
                String body = conversationBody(relationship, Instant.now().minus(1, ChronoUnit.DAYS), """
                        ,"actionPoints":[{"description":"Try no-hands-up questioning","ownerId":"%s","dueOn":"%s"}]"""
                        .formatted(learner, LocalDate.now().plusDays(30)));
                String action = as(learner).body(body).post("/api/v1/conversations").then().statusCode(201)
                        .extract().path("actionPoints[0].id");
                yield request.path("actionId", action);
            }
            case "referForMentoring" -> {
                UUID fresh = freshLearners.pop();
                yield asLearner(cell, request, fresh).json("""
                        {"fromRelationshipId":"%s","mentorId":"%s","purpose":"CHALLENGE","reason":"A need beyond coaching"}"""
                        .formatted(Api.activeCoaching(coach, fresh), mentor));
            }
            default -> throw new IllegalStateException("no arrangement for " + cell.operation());
        };
    }

    /** In the "self" column a cell acting on a relationship of its own is sent as its fresh learner. */
    private Request asLearner(Cell cell, Request request, UUID fresh) {
        return cell.caller().equals("self") ? request.as(token(fresh, school, partnership, "practitioner")) : request;
    }

    private String proposed(UUID learner) {
        return Api.propose(as(learner), Api.coaching(coach, learner)).then().statusCode(201).extract().path("id");
    }

    /** Proposed by the learner and accepted by the coach: the agreement is open for signatures. */
    private String accepted(UUID learner) {
        String id = proposed(learner);
        as(coach).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private String heldConversation(String relationship, UUID by) {
        return as(by).body(conversationBody(relationship, Instant.now().minus(2, ChronoUnit.DAYS), ""))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    private static String conversationBody(String relationship, Instant startsAt, String extra) {
        return """
                {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE","agendaOwner":"SHARED",
                 "sharedSummary":"Questioning in Year 8","confidentialNotes":"Between us"%s}"""
                .formatted(relationship, startsAt.truncatedTo(ChronoUnit.SECONDS), extra);
    }

    /** A practitioner of school A registered by a directory event (and a support offer when given). */
    private UUID person(Map<String, Integer> capacityByForm) {
        UUID id = UUID.randomUUID();
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, id, new PractitionerData(id,
                school, null, Set.of(partnership), "TEACHER", true, Set.of(), Set.of()));
        if (capacityByForm != null) {
            directory.send(UUID.randomUUID().toString(), DirectoryEvents.SUPPORT_OFFER_PUBLISHED, id, Directory.offer(id, capacityByForm));
        }
        return id;
    }

    /** Waits until each person (and any declared capacity) is known, asking as the person themself. */
    private static void awaitKnown(List<UUID> people) {
        List<UUID> waiting = new ArrayList<>(people);
        await("directory events applied for " + waiting).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    waiting.removeIf(id -> as(id).get("/api/v1/relationships/participants/" + id).statusCode() == 200);
                    return waiting.isEmpty();
                });
    }

    private static void awaitCapacity(UUID supporter) {
        await("support offer applied for " + supporter).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> !as(supporter).get("/api/v1/relationships/participants/" + supporter).then().extract().jsonPath()
                        .getList("capacity").isEmpty());
    }

    /** A person of partnership 1 whose erasure this service applied (written as the consumer writes it). */
    private UUID erasedPerson() {
        UUID person = UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("""
                        insert into erasure (practitioner_id, erasure_id, requested_at, applied_at, partnership_ids,
                                             relationships, conversations)
                        values (?1, ?2, now(), now(), cast(string_to_array(?3, ',') as uuid[]), 0, 0)""")
                .setParameter(1, person).setParameter(2, UUID.randomUUID()).setParameter(3, partnership.toString())
                .executeUpdate());
        return person;
    }
}
