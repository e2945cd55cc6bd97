package org.cpd.relationships;

import static org.cpd.relationships.Directory.URN;

import jakarta.inject.Inject;
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
}
