package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.testsupport.Tokens;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.Test;

/**
 * Reading a relationship is one statement: the relationship, its participants and what the read model
 * knows of them, whoever asks (docs/performance.md).
 */
@QuarkusTest
class StatementCountTest {

    @Inject
    Directory directory;

    @Test
    void aParticipantsReadOfARelationshipIsOneStatement() {
        UUID coach = directory.supporter(SupportForm.SPECIALIST_COACHING, 3);
        UUID learner = directory.practitioner(Api.URN);
        String id = Api.activeCoaching(coach, learner);

        assertThat(statementsOfReading(id, Tokens.practitioner(learner, Api.URN))).hasSize(1);
    }

    @Test
    void anAdminsReadOfARelationshipIsOneStatement() {
        UUID coach = directory.supporter(SupportForm.SPECIALIST_COACHING, 3);
        UUID learner = directory.practitioner(Api.URN);
        String id = Api.activeCoaching(coach, learner);

        assertThat(statementsOfReading(id, Tokens.admin(Directory.PARTNERSHIP))).hasSize(1);
    }

    private static List<String> statementsOfReading(String id, String token) {
        return StatementCounter.statementsOf(key -> Api.as(token).header(StatementCounter.HEADER, key)
                .get("/api/v1/relationships/" + id).then().statusCode(200));
    }
}
