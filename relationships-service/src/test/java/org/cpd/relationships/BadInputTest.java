package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.Api.*;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.cpd.relationships.domain.SupportForm;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx problem and leaves the database as it was. */
@QuarkusTest
class BadInputTest extends CoachAndLearnerTest {

    @Inject
    EntityManager em;

    long relationships() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from relationship").getSingleResult()).longValue());
    }

    @Test
    void malformedWrongTypedUnknownEnumAndEmptyBodiesAreRefusedWithoutWriting() {
        long before = relationships();
        propose(as(learner), "{\"form\":\"SPECIALIST_COACHING\",").then().statusCode(400)
                .contentType("application/problem+json");
        propose(as(learner), coaching(coach, learner).replace("\"plannedStart\":\"2026-09-14\"", "\"plannedStart\":\"next week\""))
                .then().statusCode(400);
        propose(as(learner), "{\"form\":\"MENTORING\",\"purpose\":\"INDUCTION\",\"participants\":\"everyone\"}")
                .then().statusCode(400);
        propose(as(learner), coaching(coach, learner).replace("\"LEARNER\"", "\"APPRENTICE\"")).then().statusCode(400);
        as(learner).post("/api/v1/relationships").then().statusCode(400);
        propose(as(learner), coaching(coach, learner).replace("2026-12-18", "2026-09-01")).then().statusCode(400)
                .body("errors[0].field", equalTo("plannedEnd"));
        propose(as(learner), "{\"form\":\"SPECIALIST_COACHING\",\"aspect\":\"" + "x".repeat(300) + "\",\"participants\":[]}")
                .then().statusCode(400);
        assertThat(relationships()).isEqualTo(before);
    }

    @Test
    void badPagingParametersAreRefused() {
        as(learner).queryParam("participant", "me").queryParam("cursor", "not-a-cursor").get("/api/v1/relationships")
                .then().statusCode(400);
        as(learner).queryParam("participant", "me").queryParam("updatedSince", "yesterday").get("/api/v1/relationships")
                .then().statusCode(400);
        as(learner).queryParam("participant", "me").queryParam("limit", "0").get("/api/v1/relationships")
                .then().statusCode(400);
        as(learner).queryParam("participant", "nobody").get("/api/v1/relationships").then().statusCode(400);
    }

    @Test
    void reusedIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        as(learner).header("Idempotency-Key", key).body(coaching(coach, learner)).post("/api/v1/relationships")
                .then().statusCode(201);
        long before = relationships();
        UUID other = directory.supporter(SupportForm.SPECIALIST_COACHING, 1);
        as(learner).header("Idempotency-Key", key).body(coaching(other, learner)).post("/api/v1/relationships")
                .then().statusCode(422).body("type", equalTo("urn:cpd:problem:idempotency-key-reused"));
        assertThat(relationships()).isEqualTo(before);
    }

    @Test
    void unauthenticatedCallsAreRefused() {
        io.restassured.RestAssured.given().get("/api/v1/relationships?participant=me").then().statusCode(401);
    }
}
