package org.cpd.goals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.activeGoal;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.eventsFor;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.relationship;
import static org.cpd.goals.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewsAndPortfolioTest {

    final UUID learner = UUID.randomUUID();

    @TestHTTPResource("/")
    URL base;

    static Map<String, Object> review(LocalDate due) {
        return Map.of("reviewedOn", LocalDate.now().toString(), "progress", "DEVELOPING",
                "learned", "Pupils answer more fully after paired rehearsal",
                "whyItWorked", "Rehearsal lowers the risk of answering in front of the class",
                "actions", List.of(Map.of("description", "Try it with 9C", "dueOn", due.toString())));
    }

    @Test
    void aSupporterReviewsASharedGoalWithAnActionPlan() {
        UUID mentor = UUID.randomUUID();
        UUID rel = UUID.randomUUID();
        relationship(rel, "ACTIVE", mentor, learner);
        String id = activeGoal(learner, with(with(goal("Reviewed goal"), "visibility", "RELATIONSHIP"),
                "relationshipIds", List.of(rel.toString())));
        asPractitioner(mentor).body(review(LocalDate.now().plusWeeks(2))).post("/api/v1/goals/" + id + "/reviews")
                .then().statusCode(201).body("progress", equalTo("DEVELOPING")).body("reviewerId", equalTo(mentor.toString()))
                .body("actions[0].description", equalTo("Try it with 9C"));
        asPractitioner(learner).get("/api/v1/goals/" + id + "/reviews").then().statusCode(200).body("items", hasSize(1));
        String event = eventsFor("cpd.goals.goal-reviewed.v1", id, 1).get(0);
        assertThat(event).contains("\"progress\":\"DEVELOPING\"", "\"actionCount\":1").doesNotContain("Pupils answer", "9C");
    }

    @Test
    void refusesReviewsOfDraftsReviewsByOutsidersAndActionsDueBeforeTheReview() {
        String draft = createGoal(learner, goal("Draft"));
        asPractitioner(learner).body(review(LocalDate.now().plusDays(7))).post("/api/v1/goals/" + draft + "/reviews")
                .then().statusCode(409).body("type", equalTo("urn:cpd:problem:goal-not-started"));
        String active = activeGoal(learner, goal("Active"));
        asPractitioner(learner).body(review(LocalDate.now().minusDays(1))).post("/api/v1/goals/" + active + "/reviews")
                .then().statusCode(400).body("type", equalTo("urn:cpd:problem:action-due-before-review"));
        asPractitioner(UUID.randomUUID()).body(review(LocalDate.now().plusDays(7))).post("/api/v1/goals/" + active + "/reviews")
                .then().statusCode(404);
    }

    @Test
    void portfolioGroupsEvidenceByStandardAndShowsSelfDirection() {
        String g1 = activeGoal(learner, goal("Mine"));
        activeGoal(learner, with(goal("Set with my mentor"), "setBy", "SHARED"));
        asPractitioner(learner).body(EvidenceApiTest.evidence("Pupil work sample", "type", "PUPIL_WORK",
                "goalIds", List.of(g1), "standardIds", List.of(EvidenceApiTest.TS2, EvidenceApiTest.TS5)))
                .post("/api/v1/evidence").then().statusCode(201);
        asPractitioner(learner).body(review(LocalDate.now().plusDays(7))).post("/api/v1/goals/" + g1 + "/reviews").then().statusCode(201);

        asPractitioner(learner).get("/api/v1/portfolios/" + learner).then().statusCode(200)
                .body("goals", hasSize(2))
                .body("goals.find { it.goal.id == '" + g1 + "' }.evidence[0].title", equalTo("Pupil work sample"))
                .body("goals.find { it.goal.id == '" + g1 + "' }.reviews", hasSize(1))
                .body("evidenceByStandard.code", equalTo(List.of("TS2", "TS5")))
                .body("selfDirection.learnerShare", equalTo(0.75f));
        String html = given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN)).accept("text/html")
                .get("/api/v1/portfolios/" + learner).then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<h1>Professional learning portfolio</h1>", "Pupil work sample", "TS5", "75%");
    }

    /** Issue 15: within one term, supporter-led goals then learner-led ones are RISING (by order, not calendar quarter). */
    @Test
    void selfDirectionFollowsTheOrderGoalsWereSetIn() {
        for (String setBy : List.of("SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED", "LEARNER_LED")) {
            activeGoal(learner, with(goal("Set " + setBy), "setBy", setBy));
        }
        asPractitioner(learner).get("/api/v1/portfolios/" + learner).then().statusCode(200)
                .body("selfDirection.direction", equalTo("RISING"))
                .body("selfDirection.items", equalTo(5))
                .body("selfDirection.earlierLearnerShare", equalTo(0.0f))
                .body("selfDirection.laterLearnerShare", equalTo(1.0f))
                .body("selfDirection.points.setBy", equalTo(List.of("SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED",
                        "LEARNER_LED")));
    }

    @Test
    void escapesLearnerTextInThePrintablePortfolio() {
        createGoal(learner, goal("<script>alert(1)</script>"));
        String html = given().auth().oauth2(Tokens.practitioner(learner, Fixtures.URN)).accept("text/html")
                .get("/api/v1/portfolios/" + learner).then().statusCode(200).extract().asString();
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void nobodyElseLearnsAboutALearnerWithNothingShared() {
        createGoal(learner, goal("Private"));
        asPractitioner(UUID.randomUUID()).get("/api/v1/portfolios/" + learner).then().statusCode(404);
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get("/api/v1/portfolios/" + learner).then().statusCode(404);
    }

    @Test
    void answersJsonUnlessTheClientAsksForHtmlByName() throws Exception {
        createGoal(learner, goal("Negotiated"));
        String token = Tokens.practitioner(learner, Fixtures.URN);
        String portfolio = "/api/v1/portfolios/" + learner;

        given().auth().oauth2(token).accept("*/*").get(portfolio).then().statusCode(200)
                .contentType(ContentType.JSON).header("Vary", "Accept").body("learnerId", equalTo(learner.toString()));
        given().auth().oauth2(token).accept("application/json, text/html").get(portfolio).then().statusCode(200)
                .contentType(ContentType.JSON);
        given().auth().oauth2(token).accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get(portfolio).then().statusCode(200).contentType(ContentType.HTML);
        given().auth().oauth2(token).accept("application/json;q=0.5, text/html").get(portfolio).then().statusCode(200)
                .contentType(ContentType.HTML);

        // no Accept header at all (java.net.http sends none unless told to)
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve(portfolio.substring(1)))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(bare.body()).contains("\"learnerId\":\"" + learner + "\"");
    }
}
