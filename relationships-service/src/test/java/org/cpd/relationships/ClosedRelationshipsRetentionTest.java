package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.commons.privacy.Retention;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.repository.InsightQueries;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.privacy.RetentionReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Six years after a relationship ended it is kept as anonymised statistics only (docs/data-protection.md, "Retention
 * defaults"): what was written about people goes, the insight views count it as before, its participants still read
 * it (marked anonymised) and nothing more is recorded in it. Each test has a partnership of its own.
 */
@QuarkusTest
class ClosedRelationshipsRetentionTest {

    static final String KIND = "closed-relationships";
    static final String SUMMARY = "Summary: questioning with 8C";
    static final String NOTE = "Note: a hard term with the head of department";
    static final String ACTION = "Action: try no-hands-up questioning";
    static final String TERMS = "Terms: we keep what is said between us";
    static final String REASON = "Reason: moved to another school at Easter";
    static final String REFERRAL = "Referral: needs support beyond one aspect";
    static final String DECLINED = "Declined: full this term";
    static final String SPECIALIST = "Specialist input: Thinking Skills course";
    static final List<String> WRITTEN = List.of(SUMMARY, NOTE, ACTION, TERMS, REASON, REFERRAL, DECLINED, SPECIALIST);
    static final String ENDED = "('CLOSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED')";

    @Inject
    Directory directory;

    @Inject
    Retention retention;

    @Inject
    InsightQueries insight;

    @Inject
    EntityManager em;

    UUID partnership;
    UUID coach;
    UUID learner;
    UUID mentor;

    @BeforeEach
    void partnershipOfItsOwn() {
        partnership = UUID.randomUUID();
        coach = person();
        directory.capacity(coach, SupportForm.SPECIALIST_COACHING, 5);
        learner = person();
        mentor = person();
        directory.capacity(mentor, SupportForm.MENTORING, 2);
    }

    @Test
    void aRelationshipEndedSixYearsAgoIsKeptAsAnonymisedStatisticsOnly() {
        String old = coachingWithEverythingWritten();
        String plannedInOld = conversation(old, 3);
        String referred = referral(old);
        as(mentor).body("{\"reason\":\"%s\"}".formatted(DECLINED)).post("/api/v1/relationships/" + referred + "/decline")
                .then().statusCode(200);
        close(old);
        String coCoaching = closedCoCoaching();
        String recent = coachingWithEverythingWritten();
        close(recent);
        String active = coachingWithEverythingWritten();
        backdate(old, referred, coCoaching);
        String admin = Tokens.admin(partnership);
        Instant now = Instant.now();

        RetentionReports.assertDue(admin, Tokens.admin(UUID.randomUUID()), KIND, "relationships-service", "PT52560H",
                equalTo(3));
        List<Object> statsBefore = stats();
        assertThat(statsBefore.toString()).as("the aggregates count the ended relationships")
                .contains("status=CLOSED", "status=DECLINED", "CO_COACHING");
        Map<String, Object> viewBefore = view("2000-01-01");
        long dueEverywhere = count("select count(*) from relationship where anonymised_at is null and status in " + ENDED
                + " and coalesce(ended_at, updated_at) < cast(?1 as timestamptz)", now.minus(Duration.ofDays(2190)).toString());
        assertThat(dump(old, referred, coCoaching)).contains(WRITTEN);

        long applied = retention.sweep("closed-relationships", now);

        assertThat(applied).as("exactly what was due").isEqualTo(dueEverywhere).isGreaterThanOrEqualTo(3);
        assertThat(anonymisedAt(old)).isNotNull();
        assertThat(anonymisedAt(referred)).isNotNull();
        assertThat(anonymisedAt(coCoaching)).isNotNull();
        assertThat(anonymisedAt(recent)).as("ended recently").isNull();
        assertThat(anonymisedAt(active)).as("still active").isNull();

        String left = dump(old, referred, coCoaching);
        for (String text : WRITTEN) {
            assertThat(left).as("no trace of what was written").doesNotContain(text);
        }
        assertThat(dump(recent)).contains(SUMMARY, NOTE, ACTION, TERMS, REASON);
        assertThat(dump(active)).contains(SUMMARY, NOTE, ACTION, TERMS);
        assertThat(count("select count(*) from action_point where relationship_id = cast(?1 as uuid)", old)).isZero();
        assertThat(count("select count(*) from conversation where relationship_id = cast(?1 as uuid)", old))
                .as("conversations are kept, their content is not").isEqualTo(2);
        assertThat(count("""
                select count(*) from agreement_version v join learning_agreement a on a.id = v.agreement_id
                where a.relationship_id = cast(?1 as uuid)""", old)).as("only the current version is left").isEqualTo(1);
        assertThat(count("""
                select count(*) from relationship_transition where relationship_id = cast(?1 as uuid)
                and (reason is not null or actor <> '[anonymised]')""", old)).isZero();
        assertThat(count("select count(*) from relationship_participant where relationship_id = cast(?1 as uuid)", old))
                .isEqualTo(2);

        assertThat(stats()).as("the insight aggregates of the partnership are the same").isEqualTo(statsBefore);
        assertThat(view("2000-01-02")).as("and so is the partnership's insight view").isEqualTo(viewBefore);

        assertThat(count("""
                select count(*) from audit_entry where action = 'delete' and resource_type = 'relationship'
                and resource_id = 'retention:closed-relationships' and actor = 'system:retention'
                and partnership_ids @> array[cast(?1 as uuid)]""", partnership.toString())).isEqualTo(1);
        RetentionReports.assertNoneDue(admin, KIND);
        assertThat(retention.sweep("closed-relationships", now)).as("a second sweep has nothing left").isZero();

        // what a participant reads of it: the statistics, marked anonymised
        as(learner).get("/api/v1/relationships/" + old).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("anonymisedAt", notNullValue()).body("endReason", nullValue())
                .body("proposedBy", equalTo("[anonymised]")).body("participants", hasSize(2))
                .body("outcome", equalTo("COMPLETED_AS_PLANNED"));
        as(learner).get("/api/v1/conversations?relationshipId=" + old).then().statusCode(200)
                .body("items", hasSize(2)).body("items.sharedSummary", everyItem(nullValue()))
                .body("items.hasConfidentialNotes", everyItem(equalTo(false)));
        as(learner).get("/api/v1/relationships/" + old + "/agreement").then().statusCode(200)
                .body("version", equalTo(2)).body("terms.groundRules", nullValue())
                .body("terms.protectedHoursPerHalfTerm", equalTo(2.0f)).body("signedByAll", equalTo(true));
        as(learner).get("/api/v1/relationships/" + recent).then().statusCode(200)
                .body("anonymisedAt", nullValue()).body("endReason", equalTo(REASON));
        as(learner).body(held("Written after the anonymisation")).post("/api/v1/conversations/" + plannedInOld + "/record")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:relationship-anonymised"));
    }

    // ---- relationships with everything a person writes ------------------------------------------

    /** Coaching with a revised agreement (two versions), a held conversation with notes and an action point; active. */
    String coachingWithEverythingWritten() {
        String id = Api.propose(as(learner), Api.coaching(coach, learner)).then().statusCode(201).extract().path("id");
        as(coach).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200);
        String etag = as(coach).get("/api/v1/relationships/" + id + "/agreement").then().statusCode(200).extract().header("ETag");
        int version = as(coach).header("If-Match", etag).body("""
                        {"groundRules":"%1$s","confidentiality":"%1$s","powerAndAccountability":"%1$s",
                         "meetingRhythm":"fortnightly","meetingPlace":"%1$s","boundaries":"%1$s",
                         "protectedHoursPerHalfTerm":2,"coverNeeded":false}""".formatted(TERMS))
                .put("/api/v1/relationships/" + id + "/agreement").then().statusCode(200).extract().path("version");
        for (UUID p : List.of(coach, learner)) {
            as(p).post("/api/v1/relationships/" + id + "/agreement/versions/" + version + "/signatures").then().statusCode(200);
        }
        as(coach).post("/api/v1/relationships/" + id + "/activate").then().statusCode(200);
        conversation(id, -2);
        return id;
    }

    /** With a summary, notes and an action point: held when {@code days} is negative, planned otherwise. */
    String conversation(String relationship, int days) {
        Instant at = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return as(learner).body("""
                        {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                         "activities":["DEBRIEF_REFLECTION"],"agendaOwner":"SHARED","sharedSummary":"%s",
                         "confidentialNotes":"%s","actionPoints":[{"description":"%s","ownerId":"%s"}]}"""
                        .formatted(relationship, at, SUMMARY, NOTE, ACTION, learner))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }

    static String held(String summary) {
        return """
                {"durationMinutes":45,"setting":"QUIET_SPACE","activities":["DEBRIEF_REFLECTION"],"agendaOwner":"LEARNER_LED",
                 "sharedSummary":"%s"}""".formatted(summary);
    }

    /** A referral for mentoring out of the coaching: a mentoring proposal of its own. */
    String referral(String coaching) {
        return as(coach).body("""
                        {"fromRelationshipId":"%s","mentorId":"%s","purpose":"CHALLENGE","reason":"%s"}"""
                        .formatted(coaching, mentor, REFERRAL))
                .post("/api/v1/referrals").then().statusCode(201).extract().path("proposal.id");
    }

    void close(String relationship) {
        as(coach).body("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"%s\"}".formatted(REASON))
                .post("/api/v1/relationships/" + relationship + "/close").then().statusCode(200);
    }

    /** Two peers, the coach role taken in turn, closed. */
    String closedCoCoaching() {
        UUID a = person();
        UUID b = person();
        String id = Api.propose(as(a), """
                {"form":"CO_COACHING","specialistInput":{"kind":"COURSE","description":"%s"},
                 "participants":[{"practitionerId":"%s","role":"PEER"},{"practitionerId":"%s","role":"PEER"}],
                 "plannedStart":"2026-09-07","plannedEnd":"2027-03-26"}""".formatted(SPECIALIST, a, b))
                .then().statusCode(201).extract().path("id");
        Api.activate(id, b, a, b);
        for (UUID turn : List.of(a, b)) {
            as(a).body("""
                            {"relationshipId":"%s","startsAt":"%s","durationMinutes":60,"setting":"QUIET_SPACE",
                             "activities":["SHARED_ANALYSIS"],"agendaOwner":"LEARNER_LED","coachId":"%s",
                             "sharedSummary":"%s","confidentialNotes":"%s"}"""
                            .formatted(id, ConversationsTest.past(turn.equals(a) ? 3 : 2), turn, SUMMARY, NOTE))
                    .post("/api/v1/conversations").then().statusCode(201);
        }
        as(a).body("{\"outcome\":\"ENDED_EARLY\",\"reason\":\"%s\"}".formatted(REASON))
                .post("/api/v1/relationships/" + id + "/close").then().statusCode(200);
        return id;
    }

    UUID person() {
        return directory.practitioner(Directory.URN, partnership, Set.of(), Set.of());
    }

    /** Seven years earlier: proposed, activated and ended. */
    void backdate(String... relationships) {
        for (String id : relationships) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            update relationship set proposed_at = proposed_at - interval '7 years',
                                   activated_at = activated_at - interval '7 years', ended_at = ended_at - interval '7 years'
                            where id = cast(?1 as uuid)""").setParameter(1, id).executeUpdate());
        }
    }

    // ---- what is left ------------------------------------------------------------------------

    /** Every row this service keeps of the relationships, as text. */
    String dump(String... relationships) {
        String ids = String.join(",", relationships);
        String in = "any(cast(string_to_array(?1, ',') as uuid[]))";
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                        select concat_ws(' | ',
                          (select string_agg(t::text, ' ') from relationship t where id = %1$s),
                          (select string_agg(t::text, ' ') from relationship_participant t where relationship_id = %1$s),
                          (select string_agg(t::text, ' ') from relationship_transition t where relationship_id = %1$s),
                          (select string_agg(t::text, ' ') from learning_agreement t where relationship_id = %1$s),
                          (select string_agg(v::text, ' ') from agreement_version v join learning_agreement a on a.id = v.agreement_id
                           where a.relationship_id = %1$s),
                          (select string_agg(t::text, ' ') from conversation t where relationship_id = %1$s),
                          (select string_agg(t::text, ' ') from action_point t where relationship_id = %1$s),
                          (select string_agg(t::text, ' ') from referral t where from_relationship = %1$s or proposal_id = %1$s))"""
                        .formatted(in))
                .setParameter(1, ids).getSingleResult());
    }

    Object anonymisedAt(String relationship) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select anonymised_at from relationship where id = cast(?1 as uuid)")
                .setParameter(1, relationship).getSingleResult());
    }

    /**
     * Every aggregate of the insight views for the partnership, and for it in its school, unsuppressed; rows as text,
     * sorted (the queries leave the order of their groups open).
     */
    List<Object> stats() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> all = new java.util.ArrayList<>();
            for (InsightQueries.Scope s : List.of(new InsightQueries.Scope(partnership, null, null, null, null),
                    new InsightQueries.Scope(partnership, Directory.URN, null, null, null))) {
                InsightQueries.Breakdown breakdown = insight.byFormStatusAndPurpose(s);
                all.add(sorted(breakdown.byStatus()));
                all.add(sorted(breakdown.byPurpose()));
                all.add(sorted(insight.pipeline(s)));
                all.add(sorted(insight.load(s)));
                all.add(sorted(insight.protectedTime(s)));
                all.add(insight.reciprocity(s).toString());
                all.add(sorted(insight.selfDirection(s, SelfDirection.STEADY_BAND)));
            }
            return all;
        });
    }

    static List<String> sorted(List<?> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    /** The partnership's insight view as served, but for when it was computed and its filter. */
    Map<String, Object> view(String from) {
        JsonPath view = as(Tokens.admin(partnership)).get("/api/v1/insight/partnerships/" + partnership + "?from=" + from)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> served = view.getMap("$");
        Map<String, Object> figures = new HashMap<>(served);
        figures.remove("asOf");
        figures.remove("scope");
        return figures;
    }

    long count(String query, String param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).setParameter(1, param)
                .getSingleResult()).longValue());
    }
}
