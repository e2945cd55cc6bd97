package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules a proposal must pass, each refused over HTTP with its problem type. */
@QuarkusTest
class ProposalRulesApiTest extends CoachAndLearnerTest {

    @Inject
    EntityManager em;

    UUID lead;

    /** The coach offers mentoring as well. */
    @BeforeEach
    void leadAndMentoring() {
        lead = directory.practitioner(URN);
        directory.capacities(coach, java.util.Map.of(SupportForm.SPECIALIST_COACHING, COACH_CAPACITY, SupportForm.MENTORING, 5));
    }

    @Test
    void neverOverAllocatesUnderConcurrentProposals() throws Exception {
        UUID supporter = directory.supporter(SupportForm.SPECIALIST_COACHING, 3);
        int proposals = 10;
        List<UUID> learners = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            learners.add(directory.practitioner(URN));
        }
        ExecutorService pool = Executors.newFixedThreadPool(proposals);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (UUID l : learners) {
            results.add(pool.submit(() -> {
                start.await();
                return propose(as(l), coaching(supporter, l)).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(proposals - 3);
        as(supporter).get("/api/v1/relationships/participants/" + supporter).then().statusCode(200)
                .body("capacity.find { it.form == 'SPECIALIST_COACHING' }.load", equalTo(3))
                .body("capacity.find { it.form == 'SPECIALIST_COACHING' }.free", equalTo(0));
    }

    @Test
    void refusesBeyondCapacityAndCountsPendingButFreesOnEnd() {
        UUID supporter = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        UUID first = directory.practitioner(URN);
        UUID second = directory.practitioner(URN);
        String id = propose(as(first), coaching(supporter, first)).then().statusCode(201).extract().path("id");
        propose(as(second), coaching(supporter, second)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:capacity-exceeded"));
        as(first).body("{\"reason\":\"changed my mind\"}").post("/api/v1/relationships/" + id + "/withdraw").then().statusCode(200);
        propose(as(second), coaching(supporter, second)).then().statusCode(201);
    }

    @Test
    void refusesASupporterWhoDoesNotOfferTheForm() {
        UUID supporter = directory.practitioner(URN);
        propose(as(learner), coaching(supporter, learner)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:support-not-offered"));
    }

    @Test
    void refusesCoachingByLineManager() {
        UUID managed = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(coach), Set.of());
        propose(as(managed), coaching(coach, managed)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:conflict-of-interest"));
        UUID appraised = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(), Set.of(coach));
        propose(as(appraised), coaching(coach, appraised)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:conflict-of-interest"));
    }

    @Test
    void refusesCoCoachingWithOnesLineManager() {
        UUID managed = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(coach), Set.of());
        propose(as(managed), coCoaching(managed, coach, "2026-09-14", "2027-02-12")).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:conflict-of-interest"));
    }

    @Test
    void schoolLeadOverrideWithReasonIsAllowedAndAudited() {
        UUID managed = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(coach), Set.of());
        String body = coaching(coach, managed).replace("\"plannedStart\"",
                "\"conflictOverride\":{\"reason\":\"Only AfL specialist in school; learner agreed\"},\"plannedStart\"");
        propose(as(managed), body).then().statusCode(403);
        String id = propose(asLead(lead), body).then().statusCode(201)
                .body("flags", hasItem("CONFLICT_OF_INTEREST_OVERRIDDEN"))
                .body("conflictOverrideReason", equalTo("Only AfL specialist in school; learner agreed"))
                .extract().path("id");
        Number audited = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select count(*) from audit_entry where action = 'override-conflict-of-interest' and resource_id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(audited.intValue()).isEqualTo(1);
    }

    @Test
    void mentorsAreAssignedByASchoolLeadAndALineManagerMentorIsFlaggedNotRefused() {
        propose(as(learner), mentoring(coach, learner)).then().statusCode(403);
        propose(asLead(lead), mentoring(coach, learner)).then().statusCode(201)
                .body("flags", not(hasItem("LINE_MANAGER_MENTOR")));
        UUID managed = directory.practitioner(URN, Directory.PARTNERSHIP, Set.of(coach), Set.of());
        propose(asLead(lead), mentoring(coach, managed)).then().statusCode(201)
                .body("flags", hasItem("LINE_MANAGER_MENTOR"));
        propose(Api.as(Tokens.schoolLead(lead, "999999")), mentoring(coach, directory.practitioner(URN)))
                .then().statusCode(403);
    }

    @Test
    void aLearnerChoosesTheirCoachButACoachCannotPickALearner() {
        propose(as(coach), coaching(coach, learner)).then().statusCode(403);
        propose(as(learner), coaching(coach, learner)).then().statusCode(201);
    }

    @Test
    void crossSchoolWithinThePartnershipIsAllowed() {
        UUID elsewhere = directory.practitioner("100002");
        directory.capacity(elsewhere, SupportForm.SPECIALIST_COACHING, 1);
        propose(as(learner), coaching(elsewhere, learner)).then().statusCode(201);
    }

    @Test
    void acrossPartnershipsOnlyWhenBothAllow() {
        UUID partnership = UUID.randomUUID();
        UUID outsider = directory.practitioner("200001", partnership, Set.of(), Set.of());
        directory.capacity(outsider, SupportForm.SPECIALIST_COACHING, 2);
        propose(as(learner), coaching(outsider, learner)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:cross-partnership-not-allowed"));
        Api.as(Tokens.admin(partnership)).body("{\"allowsCrossPartnership\":true}")
                .put("/api/v1/relationships/partnership-settings/" + partnership).then().statusCode(200);
        propose(as(learner), coaching(outsider, learner)).then().statusCode(409);
        Api.as(Tokens.admin(partnership)).body("{\"allowsCrossPartnership\":true}")
                .put("/api/v1/relationships/partnership-settings/" + Directory.PARTNERSHIP).then().statusCode(403);
        Api.as(Tokens.admin(Directory.PARTNERSHIP)).body("{\"allowsCrossPartnership\":true}")
                .put("/api/v1/relationships/partnership-settings/" + Directory.PARTNERSHIP).then().statusCode(200);
        try {
            propose(as(learner), coaching(outsider, learner)).then().statusCode(201);
        } finally {
            Api.as(Tokens.admin(Directory.PARTNERSHIP)).body("{\"allowsCrossPartnership\":false}")
                    .put("/api/v1/relationships/partnership-settings/" + Directory.PARTNERSHIP).then().statusCode(200);
        }
    }

    @Test
    void aProposalNamingAMergedAwayRecordIsRefusedWithTheSurvivorsId() {
        UUID retired = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        UUID survivor = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        var merged = new org.cpd.contracts.directory.PractitionerMergedData(retired, survivor, Set.of(Directory.PARTNERSHIP),
                java.time.Instant.now());
        String eventId = UUID.randomUUID().toString();
        directory.send(eventId, org.cpd.contracts.directory.DirectoryEvents.PRACTITIONER_MERGED, retired, merged);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mergedInto(retired) != null);
        assertThat(mergedInto(retired)).isEqualTo(survivor);

        propose(as(learner), coaching(retired, learner)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:participant-merged"))
                .body("mergedInto", equalTo(survivor.toString()));
        propose(as(learner), coaching(survivor, learner)).then().statusCode(201);
    }

    @Test
    void aMergeOfARecordNeverSeenBeforeIsKeptSoItsIdIsRefusedToo() {
        UUID retired = UUID.randomUUID();
        UUID survivor = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        directory.send(UUID.randomUUID().toString(), org.cpd.contracts.directory.DirectoryEvents.PRACTITIONER_MERGED, retired,
                new org.cpd.contracts.directory.PractitionerMergedData(retired, survivor, Set.of(Directory.PARTNERSHIP),
                        java.time.Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mergedInto(retired) != null);
        propose(as(learner), coaching(retired, learner)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:participant-merged"));
    }

    UUID mergedInto(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select merged_into from practitioner where id = ?1 and merged_into is not null",
                    UUID.class).setParameter(1, id).getResultList();
            return rows.isEmpty() ? null : (UUID) rows.get(0);
        });
    }

    @Test
    void participantsMustBeKnownAndActive() {
        propose(as(learner), coaching(UUID.randomUUID(), learner)).then().statusCode(422)
                .body("type", equalTo("urn:cpd:problem:unknown-participant"));
        UUID leaver = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        directory.deactivate(leaver, URN);
        propose(as(learner), coaching(leaver, learner)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:participant-inactive"));
    }

    @Test
    void refusesSelfCoaching() {
        propose(as(learner), coaching(learner, learner)).then().statusCode(422)
                .body("type", equalTo("urn:cpd:problem:self-support"));
    }

    @Test
    void refusesTheSameRelationshipTwice() {
        propose(as(learner), coaching(coach, learner)).then().statusCode(201);
        propose(as(learner), coaching(coach, learner)).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:duplicate-relationship"));
    }

    @Test
    void eachFormNeedsItsOwnDetails() {
        propose(as(learner), coaching(coach, learner).replace("\"aspect\":\"ASSESSMENT_FOR_LEARNING\",", ""))
                .then().statusCode(400).body("errors.field", hasItem("aspect"));
        propose(asLead(lead), mentoring(coach, learner).replace("\"purpose\":\"INDUCTION\",", ""))
                .then().statusCode(400).body("errors.field", hasItem("purpose"));
        UUID peer = directory.practitioner(URN);
        propose(as(learner), coCoaching(learner, peer, "2026-09-14", "2027-02-12")
                .replace("\"specialistInput\":{\"kind\":\"COURSE\",\"description\":\"Thinking Skills course\"},", ""))
                .then().statusCode(400).body("errors.field", hasItem("specialistInput"));
        propose(as(learner), coaching(coach, learner).replace("SPECIALIST_COACHING", "TUTORING")).then().statusCode(400);
        propose(as(learner), "{\"form\":").then().statusCode(400);
    }

    @Test
    void coCoachingIsProposedByAPeerAndFlaggedWhenShorterThanATerm() {
        UUID peer = directory.practitioner(URN);
        propose(as(learner), coCoaching(learner, peer, "2026-09-14", "2026-10-16")).then().statusCode(201)
                .body("flags", hasItem("CO_COACHING_SHORTER_THAN_A_TERM"));
        UUID outsider = directory.practitioner(URN);
        UUID peer2 = directory.practitioner(URN);
        propose(as(outsider), coCoaching(learner, peer2, "2026-09-14", "2027-02-12")).then().statusCode(403);
    }

    @Test
    void sameIdempotencyKeyReplaysTheProposalWithoutASecondOne() {
        String key = UUID.randomUUID().toString();
        String first = as(learner).header("Idempotency-Key", key).body(coaching(coach, learner))
                .post("/api/v1/relationships").then().statusCode(201).extract().path("id");
        String again = as(learner).header("Idempotency-Key", key).body(coaching(coach, learner))
                .post("/api/v1/relationships").then().statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        as(learner).queryParam("participant", "me").get("/api/v1/relationships").then().body("items.size()", equalTo(1));
    }
    @Test
    void aPeerWhoDeclaredCoCoachingCapacityIsHeldToItOthersAreNotLimited() {
        UUID busy = directory.supporter(SupportForm.CO_COACHING, 1);
        UUID first = directory.practitioner(URN);
        UUID second = directory.practitioner(URN);
        propose(as(busy), coCoaching(busy, first, "2026-09-14", "2027-02-12")).then().statusCode(201);
        propose(as(second), coCoaching(second, busy, "2026-09-14", "2027-02-12")).then().statusCode(409)
                .body("type", equalTo("urn:cpd:problem:capacity-exceeded"));
        UUID third = directory.practitioner(URN);
        propose(as(second), coCoaching(second, third, "2026-09-14", "2027-02-12")).then().statusCode(201);
        propose(as(first), coCoaching(first, third, "2026-09-14", "2027-02-12")).then().statusCode(201);
    }

    @Test
    void schoolLeadsListTheirSchoolsRelationships() {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        asLead(lead).queryParam("limit", "200").get("/api/v1/relationships").then().statusCode(200)
                .body("items.id", hasItem(id));
        Api.as(Tokens.schoolLead(lead, "999999")).queryParam("limit", "200").get("/api/v1/relationships").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        asLead(lead).queryParam("participant", learner.toString()).get("/api/v1/relationships").then().statusCode(200)
                .body("items.id", hasItem(id));
    }
}
