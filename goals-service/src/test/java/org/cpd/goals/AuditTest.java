package org.cpd.goals;

import static org.cpd.goals.Fixtures.URN;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.asPractitioner;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.with;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** A learner sees who read their goal; the reader's own view does not show it. */
@QuarkusTest
class AuditTest {

    @Test
    void aSchoolLeadsReadOfAGoalIsShownToItsOwner() {
        UUID learner = UUID.randomUUID();
        UUID partnership = UUID.randomUUID();
        String id = createGoal(learner, with(with(goal("For the school"), "visibility", "SCHOOL"), "schoolUrn", URN));
        String lead = Tokens.builder().roles("school-lead", "practitioner").practitioner(UUID.randomUUID())
                .schools(URN).partnerships(partnership).build();
        as(lead).header("X-Request-Id", "goal-read-1").get("/api/v1/goals/" + id).then().statusCode(200);

        asPractitioner(learner).get("/api/v1/audit?subject=me&resourceType=goal&action=read").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].service", equalTo("goals-service"))
                .body("items[0].resourceId", equalTo(id))
                .body("items[0].subjectPersonId", equalTo(learner.toString()))
                .body("items[0].requestId", equalTo("goal-read-1"))
                .body("items[0].details", equalTo("shared SCHOOL"));
        as(lead).get("/api/v1/audit?subject=me").then().statusCode(200).body("items", empty());
        as(Tokens.admin(partnership)).get("/api/v1/audit?subject=" + learner + "&resourceType=goal&action=read")
                .then().statusCode(200).body("items", hasSize(1)); // the partnership the read came from
        as(Tokens.admin(UUID.randomUUID())).get("/api/v1/audit?subject=" + learner).then().statusCode(200)
                .body("items", empty());
    }
}
