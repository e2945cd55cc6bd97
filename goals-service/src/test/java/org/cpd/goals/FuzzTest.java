package org.cpd.goals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.cpd.testsupport.fuzz.ServiceFuzzTest;

/** The shared fuzz test over docs/openapi/goals-service.yaml, against this service with its real database and broker. */
@QuarkusTest
class FuzzTest extends ServiceFuzzTest {

    FuzzTest() {
        super("goals-service", Set.of());
    }
}
