package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The journey of clients/typescript/journey.ts with the generated TypeScript client, compiled by tsc in
 * the clients module (-Dtsc=..., as .ci/run does) and run here by node against the stack.
 */
class TypeScriptClientJourneyIT {

    private static final Path JOURNEY = Path.of("..", "clients", "target", "typescript", "typescript", "journey.js");

    @Test
    void theTypeScriptClientsJourneyPasses() throws IOException, InterruptedException {
        assertThat(JOURNEY).as("the compiled journey: run with -pl clients,deploy -Dtsc=<path to tsc>").exists();
        Path log = Files.createTempFile("ts-journey-", ".log");
        ProcessBuilder journey = new ProcessBuilder("node", JOURNEY.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        journey.environment().put("E2E_GATEWAY_URL", Stack.GATEWAY);
        journey.environment().put("E2E_KEYCLOAK_URL", Stack.KEYCLOAK);
        Process node = journey.start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("the journey finished within 3 minutes").isTrue();
        assertThat(node.exitValue()).as("node's exit code; its output:%n%s", output).isZero();
        assertThat(output).contains("TypeScript client journey: passed");
    }
}
