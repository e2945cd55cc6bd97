package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.column;
import static org.cpd.goals.Fixtures.count;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.scalar;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.privacy.Retention;
import org.cpd.goals.repository.RetentionQueries;
import org.cpd.testsupport.PostgresResource;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.privacy.RetentionReports;
import org.junit.jupiter.api.Test;

/**
 * Retention in goals-service (docs/data-protection.md): private evidence goes six years after its last change with its
 * files; finished goals go six years after their last change with their reviews and the evidence linked to them alone;
 * shared evidence, recent evidence and goals in progress stay. Partnership admins read the dry run.
 */
@QuarkusTest
class RetentionTest {

    static final String PRIVATE = "private-evidence";
    static final String FINISHED = "finished-goals";
    static final String SIX_YEARS = "PT52560H";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 5, 6, 7, 8};

    @Inject
    Retention retention;

    @Inject
    RetentionQueries queries;

    final UUID partnership = UUID.randomUUID();
    final UUID learner = UUID.randomUUID();
    final String token = Tokens.builder().roles("practitioner").practitioner(learner).schools(Fixtures.URN)
            .partnerships(partnership).build();

    @Test
    void privateEvidenceUnchangedForSixYearsIsDeletedWithItsFilesSharedAndRecentEvidenceStay() {
        String oldPrivate = evidence("Old private note", Map.of());
        String oldShared = evidence("Old shared photo", Map.of("visibility", "SCHOOL", "schoolUrn", Fixtures.URN));
        String recentPrivate = evidence("Recent private note", Map.of());
        long oldFile = attach(oldPrivate);
        long sharedFile = attach(oldShared);
        long recentFile = attach(recentPrivate);
        backdate("evidence", 2200, oldPrivate, oldShared);
        String admin = Tokens.admin(partnership);

        RetentionReports.assertDue(admin, Tokens.admin(UUID.randomUUID()), PRIVATE, "goals-service", SIX_YEARS, equalTo(1))
                .body(RetentionReports.kind(PRIVATE) + ".countedFrom", equalTo("the evidence's last change"));

        assertThat(retention.sweep("private-evidence", Instant.now())).isOne();

        assertThat(column("select cast(id as text) from evidence where id in ('" + oldPrivate + "', '" + oldShared + "', '"
                + recentPrivate + "') order by title")).containsExactly(oldShared, recentPrivate);
        assertThat(count("select count(*) from attachment where evidence_id = '" + oldPrivate + "'")).isZero();
        assertThat(largeObjectsAmong(oldFile, sharedFile, recentFile)).containsExactlyInAnyOrder(sharedFile, recentFile);
        assertThat(count(RetentionReports.sweepAuditQuery(PRIVATE, "evidence", partnership))).isOne();
        RetentionReports.assertNoneDue(admin, PRIVATE);
        assertThat(retention.sweep("private-evidence", Instant.now())).as("a second sweep has nothing left").isZero();
    }

    @Test
    void finishedGoalsUnchangedForSixYearsGoWithTheirReviewsAndTheEvidenceOfThemAloneGoalsInProgressStay() {
        String achieved = activeGoal("Achieved long ago");
        review(achieved);
        String inProgress = activeGoal("Still in progress");
        String ownEvidence = evidence("Evidence of the achieved goal", shared(achieved));
        long ownFile = attach(ownEvidence);
        String sharedByBoth = evidence("Evidence of both goals", shared(achieved, inProgress));
        String changedSince = evidence("Private evidence changed since", Map.of("goalIds", List.of(achieved)));
        long changedFile = attach(changedSince);
        as(token).post("/api/v1/goals/" + achieved + "/achieve").then().statusCode(200);
        String discontinuedRecently = activeGoal("Discontinued recently");
        as(token).body(Map.of("reason", "Changed classes")).post("/api/v1/goals/" + discontinuedRecently + "/discontinue")
                .then().statusCode(200);
        String revised = activeGoal("Revised long ago");
        String successor = revise(revised);
        String revisedFirst = activeGoal("First of a finished chain");
        String achievedAfterRevision = revise(revisedFirst);
        as(token).post("/api/v1/goals/" + achievedAfterRevision + "/achieve").then().statusCode(200);
        backdate("goal", 2200, achieved, inProgress, revised, revisedFirst, achievedAfterRevision);
        backdate("evidence", 2200, ownEvidence, sharedByBoth);
        String admin = Tokens.admin(partnership);

        RetentionReports.assertDue(admin, Tokens.admin(UUID.randomUUID()), FINISHED, "goals-service", SIX_YEARS, equalTo(4))
                .body(RetentionReports.kind(PRIVATE) + ".due", equalTo(0));
        String versionOfSuccessor = scalar("select version from goal where id = '" + successor + "'");

        assertThat(retention.sweep("finished-goals", Instant.now())).isEqualTo(4);

        assertThat(column("select cast(id as text) from goal where owner_id = '" + learner + "'"))
                .containsExactlyInAnyOrder(inProgress, discontinuedRecently, successor);
        assertThat(count("select count(*) from goal_review where goal_id = '" + achieved + "'")).isZero();
        assertThat(count("select count(*) from review_action a join goal_review r on r.id = a.review_id "
                + "where r.reviewer_id = '" + learner + "'")).isZero();
        assertThat(column("select cast(id as text) from evidence where owner_id = '" + learner + "'"))
                .containsExactlyInAnyOrder(sharedByBoth, changedSince);
        assertThat(column("select cast(evidence_id as text) || '>' || cast(goal_id as text) from evidence_goal e "
                + "where evidence_id in ('" + sharedByBoth + "', '" + changedSince + "')"))
                .containsExactly(sharedByBoth + ">" + inProgress);
        assertThat(largeObjectsAmong(ownFile, changedFile)).containsExactly(changedFile);
        as(token).get("/api/v1/goals/" + successor).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("supersedes", nullValue());
        assertThat(scalar("select version from goal where id = '" + successor + "'")).isNotEqualTo(versionOfSuccessor);
        assertThat(count(RetentionReports.sweepAuditQuery(FINISHED, "goal", partnership))).isOne();
        RetentionReports.assertNoneDue(admin, FINISHED);
        assertThat(retention.sweep("finished-goals", Instant.now())).as("a second sweep has nothing left").isZero();
    }

    @Test
    void aBatchCutAtItsLimitDeletesARevisionChainPredecessorFirst() {
        String revised = activeGoal("Revised");
        String achieved = revise(revised);
        as(token).post("/api/v1/goals/" + achieved + "/achieve").then().statusCode(200);
        // the successor's last change made older than its predecessor's: oldest first alone would take it first
        backdate("goal", 2300, revised);
        backdate("goal", 2400, achieved);
        Instant cutoff = Instant.now().minus(Duration.ofDays(2190));

        assertThat(batchOfOne(cutoff)).isOne();
        assertThat(column("select cast(id as text) || ' ' || coalesce(cast(supersedes as text), 'none') from goal "
                + "where owner_id = '" + learner + "'")).containsExactly(achieved + " none");
        assertThat(batchOfOne(cutoff)).isOne();
        assertThat(count("select count(*) from goal where owner_id = '" + learner + "'")).isZero();
        assertThat(batchOfOne(cutoff)).isZero();
    }

    @Test
    void onlyPartnershipAdminsReadTheReport() {
        RetentionReports.assertOnlyAdminsRead(token);
    }

    private long batchOfOne(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> queries.deleteFinishedGoals(cutoff, 1).items());
    }

    private String activeGoal(String title) {
        String id = as(token).body(goal(title)).post("/api/v1/goals").then().statusCode(201).extract().path("id");
        as(token).post("/api/v1/goals/" + id + "/activate").then().statusCode(200);
        return id;
    }

    /** Revises an active goal into a successor; answers the successor's id. */
    private String revise(String goal) {
        String etag = as(token).get("/api/v1/goals/" + goal).header("ETag");
        return as(token).header("If-Match", etag).body(Fixtures.goal("Successor of " + goal))
                .post("/api/v1/goals/" + goal + "/revise").then().statusCode(201).extract().path("id");
    }

    private void review(String goal) {
        as(token).body(ReviewsAndPortfolioTest.review(LocalDate.now().plusDays(7))).post("/api/v1/goals/" + goal + "/reviews")
                .then().statusCode(201);
    }

    private static Map<String, Object> shared(String... goals) {
        return Map.of("visibility", "SCHOOL", "schoolUrn", Fixtures.URN, "goalIds", List.of(goals));
    }

    private String evidence(String title, Map<String, Object> extra) {
        Object[] pairs = extra.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        return as(token).body(EvidenceApiTest.evidence(title, pairs)).post("/api/v1/evidence").then().statusCode(201)
                .extract().path("id");
    }

    /** Uploads a file to the evidence; answers its large object's oid. */
    private long attach(String evidence) {
        String id = RestAssured.given().auth().oauth2(token).multiPart("file", "work.png", PNG, "image/png")
                .post("/api/v1/evidence/" + evidence + "/attachments").then().statusCode(201).extract().path("id");
        return count("select content_oid from attachment where id = '" + id + "'");
    }

    private static List<Long> largeObjectsAmong(long... oids) {
        StringBuilder in = new StringBuilder();
        for (long oid : oids) {
            in.append(in.isEmpty() ? "" : ", ").append(oid);
        }
        return column("select oid from pg_largeobject_metadata where oid in (" + in + ")").stream().map(Long::valueOf).toList();
    }

    /** Makes rows look last changed {@code days} ago. */
    private static void backdate(String table, int days, String... ids) {
        sql("update " + table + " set updated_at = now() - interval '" + days + " days' where id in ('"
                + String.join("', '", ids) + "')");
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
