package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.goals.Fixtures.URN;
import static org.cpd.goals.Fixtures.as;
import static org.cpd.goals.Fixtures.createGoal;
import static org.cpd.goals.Fixtures.goal;
import static org.cpd.goals.Fixtures.with;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.Test;

/**
 * Reading a goal is one statement: the goal, what it is shared with and whether the caller supports the
 * learner in one of those relationships now (docs/performance.md). The audit of the read is written off
 * the request's path.
 */
@QuarkusTest
class StatementCountTest {

    @Test
    void theOwnersReadOfAGoalIsOneStatement() {
        UUID learner = UUID.randomUUID();
        String id = createGoal(learner, goal("Questioning in 8B"));

        assertThat(statementsOfReading(id, Tokens.practitioner(learner, URN))).hasSize(1);
    }

    @Test
    void aSupportersAuditedReadOfASharedGoalIsOneStatement() {
        UUID learner = UUID.randomUUID();
        UUID mentor = UUID.randomUUID();
        UUID relationship = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Fixtures.relationship(relationship, "ACTIVE", mentor, learner);
        Fixtures.relationship(other, "ACTIVE", mentor, UUID.randomUUID());
        String id = createGoal(learner, with(with(goal("Shared with my mentor"), "visibility", "RELATIONSHIP"),
                "relationshipIds", List.of(relationship.toString())));

        assertThat(statementsOfReading(id, Tokens.practitioner(mentor, URN))).hasSize(1);
    }

    @Test
    void aSchoolLeadsAuditedReadOfAGoalSharedWithTheSchoolIsOneStatement() {
        UUID learner = UUID.randomUUID();
        String id = createGoal(learner, with(with(goal("For the school"), "visibility", "SCHOOL"), "schoolUrn", URN));

        assertThat(statementsOfReading(id, Tokens.schoolLead(UUID.randomUUID(), URN))).hasSize(1);
    }

    private static List<String> statementsOfReading(String id, String token) {
        return StatementCounter.statementsOf(key -> as(token).header(StatementCounter.HEADER, key)
                .get("/api/v1/goals/" + id).then().statusCode(200));
    }
}
