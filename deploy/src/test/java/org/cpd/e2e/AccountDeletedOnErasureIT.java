package org.cpd.e2e;

import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An erased person keeps no login (docs/adr/0043-erasure.md): the account the directory provisioned in the real
 * Keycloak is deleted, not only disabled, since its username is the person's old work e-mail. Logins are created
 * in the order people were registered, so this waits longer when a large registration ran just before it.
 */
class AccountDeletedOnErasureIT {

    @Test
    void theLoginOfAnErasedPersonIsDeletedUsernameAndAll() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "kim-" + run + "@demo.cpd.example";
        String person = Stack.gatewayAs(Stack.tokenFor("lead")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fullName", "Kim Keepnothing " + run, "email", email,
                        "schoolUrn", Stack.SCHOOL_URN, "careerStage", "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        await("the new person's login is created").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Stack.accountsMatching(email) == 1);

        Stack.gatewayAs(Stack.tokenFor("admin")).post("/api/v1/privacy/subjects/" + person + "/erasure")
                .then().statusCode(202);

        // by username too: disabling the login would have kept the old work e-mail as its username
        await("the erased person's login is deleted").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Stack.accountsMatching(email) == 0);
    }
}
