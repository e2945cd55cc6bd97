package org.cpd.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Erasure through the gateway with real tokens (docs/adr/0043-erasure.md): the demo admin erases a person while
 * goals-service is down; directory and relationships apply it at once, goals-service when it is back, from the
 * event waiting in Kafka. Erasing again changes nothing; someone who may not erase gets 404.
 */
class ErasureIT {

    @Test
    void anErasureReachesEveryServiceAlsoOneThatWasDownWhenItWasRequested() {
        String lead = Stack.tokenFor("lead");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String person = Stack.gatewayAs(lead).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("fullName", "Erin Erasable " + run, "email", "erin-" + run + "@demo.cpd.example",
                        "schoolUrn", Stack.SCHOOL_URN, "careerStage", "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        String path = "/api/v1/privacy/subjects/" + person + "/erasure";

        Stack.gatewayAs(lead).post(path).then().statusCode(404); // a school lead may not erase
        boolean goalsDown = false;
        try {
            Stack.script("stop", "goals-service");
            goalsDown = true;
            String erasure = Stack.gatewayAs(Stack.tokenFor("admin")).post(path).then().statusCode(202)
                    .body("practitionerId", equalTo(person)).extract().path("erasureId");
            Stack.gatewayAs(Stack.tokenFor("admin")).get("/api/v1/practitioners/" + person).then().statusCode(200)
                    .body("fullName", equalTo("Erased person")).body("active", equalTo(false));
            await("relationships-service applied the erasure").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> "APPLIED".equals(status(path).getString("services[1].state")));
            JsonPath meanwhile = status(path);
            org.assertj.core.api.Assertions.assertThat(meanwhile.getString("services[0].state")).isEqualTo("APPLIED");
            org.assertj.core.api.Assertions.assertThat(meanwhile.getString("services[2].state")).isEqualTo("UNAVAILABLE");
            org.assertj.core.api.Assertions.assertThat(meanwhile.getBoolean("complete")).isFalse();

            Stack.script("start", "goals-service");
            goalsDown = false;
            await("goals-service applied the erasure once back").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> status(path).getBoolean("complete"));
            Stack.gatewayAs(Stack.tokenFor("admin")).post(path).then().statusCode(200).body("erasureId", equalTo(erasure));
        } finally {
            if (goalsDown) {
                Stack.script("start", "goals-service");
            }
        }
    }

    private static JsonPath status(String path) {
        return Stack.gatewayAs(Stack.tokenFor("admin")).get(path).then().statusCode(200).extract().jsonPath();
    }
}
