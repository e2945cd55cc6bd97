package org.cpd.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How long after a relationship's activation answers 200 goals-service lets the supporter read a goal
 * shared with it: relationships' outbox, its relay, Kafka, goals' consumer and its read model, on the
 * running local stack with the dev realm's demo mentor and teacher. Each round: the school lead proposes a
 * mentoring relationship, both accept, both sign the agreement, the teacher shares a goal with it
 * and activates it; then the mentor polls the goal until it is readable, and the round closes the
 * relationship again. Requests go straight
 * to the services (the gateway's rate limit would coarsen the polling). Not a test: run by
 * bench/activation-latency.sh, which prints the BENCH line.
 */
class ActivationToGoalsLatencyBench {

    private static final String RELATIONSHIPS = System.getProperty("bench.relationships.url", "http://localhost:8082");
    private static final String GOALS = System.getProperty("bench.goals.url", "http://localhost:8083");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 50);
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    private final String mentor = Stack.PRACTITIONER_IDS.get("mentor");
    private final String teacher = Stack.PRACTITIONER_IDS.get("teacher");

    @Test
    void activationToSupporterRead() throws InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 3; round++) {
            double latency = oneRound();
            if (round >= 3) { // the first rounds warm up connections and both services' code paths
                millis.add(latency);
            }
        }
        Collections.sort(millis);
        System.out.printf("BENCH activation-to-goals-read rounds=%d p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                millis.size(), at(millis, 0.50), at(millis, 0.95), at(millis, 0.99), millis.get(millis.size() - 1));
    }

    private double oneRound() throws InterruptedException {
        String proposal = """
                {"form":"MENTORING","purpose":"INDUCTION",
                 "participants":[{"practitionerId":"%s","role":"SUPPORTER"},{"practitionerId":"%s","role":"LEARNER"}],
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(mentor, teacher, LocalDate.now(), LocalDate.now().plusMonths(6));
        Response proposed = as(RELATIONSHIPS, "lead").body(proposal).post("/api/v1/relationships");
        if (proposed.statusCode() == 409 && "urn:cpd:problem:duplicate-relationship".equals(proposed.path("type"))) {
            // a proposal left open by an interrupted run: withdraw it, so every round measures a new relationship
            as(RELATIONSHIPS, "lead").body("{\"reason\":\"left open by an interrupted benchmark\"}")
                    .post("/api/v1/relationships/" + proposed.path("relationshipId") + "/withdraw").then().statusCode(200);
            proposed = as(RELATIONSHIPS, "lead").body(proposal).post("/api/v1/relationships");
        }
        String id = proposed.then().statusCode(201).extract().path("id");
        for (String who : List.of("mentor", "teacher")) {
            as(RELATIONSHIPS, who).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200);
        }
        int version = as(RELATIONSHIPS, "teacher").get("/api/v1/relationships/" + id + "/agreement")
                .then().statusCode(200).extract().path("version");
        for (String who : List.of("mentor", "teacher")) {
            as(RELATIONSHIPS, who).post("/api/v1/relationships/" + id + "/agreement/versions/" + version + "/signatures")
                    .then().statusCode(200);
        }
        String goal = shareAGoalOnceGoalsKnows(id);

        as(RELATIONSHIPS, "teacher").post("/api/v1/relationships/" + id + "/activate").then().statusCode(200);
        long activated = System.nanoTime();
        RequestSpecification asMentor = as(GOALS, "mentor");
        while (asMentor.get("/api/v1/goals/" + goal).statusCode() != 200) {
            if (System.nanoTime() - activated > GIVE_UP_NANOS) {
                throw new AssertionError("the mentor could not read goal " + goal + " 30 s after activation");
            }
            Thread.sleep(1);
        }
        double latency = (System.nanoTime() - activated) / 1e6;

        as(RELATIONSHIPS, "teacher").body("{\"outcome\":\"COMPLETED_AS_PLANNED\",\"reason\":\"benchmark round\"}")
                .post("/api/v1/relationships/" + id + "/close").then().statusCode(200);
        return latency;
    }

    /** goals-service accepts a goal shared with the relationship once its read model has the proposal. */
    private String shareAGoalOnceGoalsKnows(String relationship) throws InterruptedException {
        String body = """
                {"title":"Questioning that makes pupils think (benchmark)",
                 "pupilAspiration":"Pupils in 7C explain their thinking","priority":"INDIVIDUAL",
                 "successCriteria":"Most pupils justify an answer unprompted","targetDate":"%s","setBy":"SHARED",
                 "visibility":"RELATIONSHIP","relationshipIds":["%s"]}""".formatted(LocalDate.now().plusMonths(3), relationship);
        long started = System.nanoTime();
        while (true) {
            Response created = as(GOALS, "teacher").body(body).post("/api/v1/goals");
            if (created.statusCode() == 201) {
                return created.path("id");
            }
            if (created.statusCode() != 422 || System.nanoTime() - started > GIVE_UP_NANOS) {
                throw new AssertionError("goal not created: " + created.statusCode() + " " + created.asString());
            }
            Thread.sleep(5);
        }
    }

    private static RequestSpecification as(String service, String user) {
        return given().spec(new RequestSpecBuilder().setBaseUri(service).setAccept(ContentType.JSON)
                .setContentType(ContentType.JSON).build()).auth().oauth2(Stack.tokenFor(user));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
