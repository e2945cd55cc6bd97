package org.cpd.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void isReadyWithTheExpertiseTaxonomyLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'expertise-taxonomy' }.status", equalTo("UP"));
    }
}
