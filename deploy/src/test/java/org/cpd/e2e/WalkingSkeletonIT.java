package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton across real processes: directory-service registers a practitioner, its outbox
 * relay publishes practitioner-registered to the real broker, and relationships-service's read model
 * learns of the practitioner, with no synchronous call between the services.
 */
class WalkingSkeletonIT {

    @Test
    void practitionerRegisteredInDirectoryBecomesKnownToRelationships() {
        String lead = Stack.tokenFor("lead");
        String unique = UUID.randomUUID().toString().substring(0, 8);

        Response created = Stack.gatewayAs(lead)
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "fullName", "E2E Teacher " + unique,
                        "email", "e2e-" + unique + "@demo.cpd.example",
                        "schoolUrn", Stack.SCHOOL_URN,
                        "careerStage", "TEACHER"))
                .when().post("/api/v1/practitioners")
                .then().statusCode(201)
                .extract().response();
        String id = created.path("id");
        assertThat(id).isNotBlank();
        assertThat(created.header("Location")).endsWith("/api/v1/practitioners/" + id);

        await("relationships-service learns of practitioner " + id + " from cpd.directory.events")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Response known = Stack.gatewayAs(lead)
                            .when().get("/api/v1/relationships/participants/{id}", id)
                            .andReturn();
                    assertThat(known.statusCode()).as("GET participant %s", id).isEqualTo(200);
                    assertThat(known.<String>path("practitionerId")).isEqualTo(id);
                    assertThat(known.<String>path("schoolUrn")).isEqualTo(Stack.SCHOOL_URN);
                });
    }
}
