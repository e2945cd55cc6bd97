package org.cpd.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token from the dev realm is accepted by the gateway and by the service behind it (each validates
 * it on its own), for each demo user and each service.
 */
class DemoUsersReachEveryServiceIT {

    @ParameterizedTest(name = "{0} lists the practitioners they manage (directory-service)")
    @ValueSource(strings = {"admin", "lead"})
    void managerListsPractitioners(String username) {
        Stack.gatewayAs(Stack.tokenFor(username))
                .when().get("/api/v1/practitioners")
                .then().statusCode(200)
                .body("items", notNullValue());
    }

    @ParameterizedTest(name = "{0} reads their own practitioner record (directory-service, seeded)")
    @ValueSource(strings = {"mentor", "teacher"})
    void practitionerReadsOwnRecord(String username) {
        String id = Stack.PRACTITIONER_IDS.get(username);
        Stack.gatewayAs(Stack.tokenFor(username))
                .when().get("/api/v1/practitioners/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id));
    }

    @ParameterizedTest(name = "{0} lists their relationships (relationships-service)")
    @ValueSource(strings = {"admin", "lead", "mentor", "teacher"})
    void demoUserListsOwnRelationships(String username) {
        Stack.gatewayAs(Stack.tokenFor(username))
                .queryParam("participant", "me")
                .when().get("/api/v1/relationships")
                .then().statusCode(200)
                .body("items", notNullValue());
    }

    @ParameterizedTest(name = "{0} lists their goals (goals-service)")
    @ValueSource(strings = {"admin", "lead", "mentor", "teacher"})
    void demoUserListsOwnGoals(String username) {
        Stack.gatewayAs(Stack.tokenFor(username))
                .when().get("/api/v1/goals")
                .then().statusCode(200)
                .body("items", notNullValue());
    }

    @Test
    void misIntegrationListsItsSchoolsStaff() {
        Stack.gatewayAs(Stack.misToken())
                .queryParam("schoolUrn", Stack.SCHOOL_URN)
                .when().get("/api/v1/practitioners")
                .then().statusCode(200)
                .body("items", notNullValue());
    }

    @ParameterizedTest(name = "{0} gets their home page (gateway /api/v1/me)")
    @ValueSource(strings = {"mentor", "teacher"})
    void practitionerGetsComposedHomePage(String username) {
        Stack.gatewayAs(Stack.tokenFor(username))
                .when().get("/api/v1/me")
                .then().statusCode(200);
    }
}
