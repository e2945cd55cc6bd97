package org.cpd.relationships;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import org.cpd.testsupport.fuzz.ServiceFuzzTest;

/** The shared fuzz test over docs/openapi/relationships-service.yaml, against this service with its real database and broker. */
@QuarkusTest
class FuzzTest extends ServiceFuzzTest {

    FuzzTest() {
        super("relationships-service", Set.of());
    }
}
