package org.cpd.relationships;

import static org.cpd.relationships.Api.as;
import static org.cpd.relationships.Directory.URN;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cpd.relationships.domain.SupportForm;
import org.junit.jupiter.api.BeforeEach;

/** Tests that start from a learner and a specialist coach of the demo school, fresh for each test. */
abstract class CoachAndLearnerTest {

    /** Room for every proposal one test makes to the coach. */
    static final int COACH_CAPACITY = 5;

    @Inject
    Directory directory;

    UUID coach;
    UUID learner;

    @BeforeEach
    void coachAndLearner() {
        coach = directory.supporter(SupportForm.SPECIALIST_COACHING, COACH_CAPACITY);
        learner = directory.practitioner(URN);
    }

    /** A conversation the learner recorded yesterday in the relationship, with a shared summary and confidential notes. */
    String conversationWithNotes(String relationship) {
        String startsAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        return as(learner).body("""
                        {"relationshipId":"%s","startsAt":"%s","durationMinutes":45,"setting":"QUIET_SPACE",
                         "activities":["OBSERVATION_DISCUSSION"],"agendaOwner":"SHARED",
                         "sharedSummary":"Questioning","confidentialNotes":"between us"}""".formatted(relationship, startsAt))
                .post("/api/v1/conversations").then().statusCode(201).extract().path("id");
    }
}
