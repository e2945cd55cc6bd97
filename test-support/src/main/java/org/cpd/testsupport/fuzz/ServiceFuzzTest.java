package org.cpd.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Malformed variants of every operation of a service's committed document (docs/openapi/&lt;service&gt;.yaml),
 * sent with a valid token of a caller holding every role: no answer is a 5xx and every 4xx is a problem
 * document. A service's test is {@code @QuarkusTest class FuzzTest extends ServiceFuzzTest} naming its
 * document; {@code -Dfuzz.seconds=120} sends more cases.
 */
public abstract class ServiceFuzzTest {

    static final String EVERY_ROLE = Tokens.builder()
            .roles("practitioner", "school-lead", "partnership-admin", "mis-integration")
            .practitioner(UUID.randomUUID()).schools("100001").partnerships(UUID.randomUUID())
            .expiresInSeconds(3600).build();

    private final String service;
    private final Set<String> knownFailures;

    /**
     * @param knownFailures 5xx answers that need the service's own code (operationId and variant, as the
     *                      fuzzer names them), fixed in the service and then removed: the set should be empty
     */
    protected ServiceFuzzTest(String service, Set<String> knownFailures) {
        this.service = service;
        this.knownFailures = knownFailures;
    }

    @Test
    void malformedRequestsToEveryOperationAreProblemsAndNever5xx() {
        OpenApiFuzzer.Report report = OpenApiFuzzer.forService(service)
                .tokens(operation -> EVERY_ROLE)
                .budget(Duration.ofSeconds(8))
                .run(knownFailures);
        System.out.printf("fuzz %s: %d operations, %d of %d cases sent, statuses %s, %d findings, known failures seen %s%n",
                service, report.operations(), report.casesSent(), report.casesPlanned(), report.statuses(),
                report.findings().size(), report.knownFailuresSeen());
        report.findings().forEach(finding -> System.out.println("fuzz finding: " + finding));
        assertThat(report.operations()).isPositive();
        assertThat(report.casesSent()).as("cases sent: at least one per operation").isGreaterThanOrEqualTo(report.operations());
        assertThat(report.findings()).as("answers that are 5xx or 4xx without a problem body").isEmpty();
    }
}
