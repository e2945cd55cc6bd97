package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Directory writes only record what the login must follow; here no Keycloak is reachable, which is also
 * "Keycloak down": every write still succeeds and the accounts wait, due.
 */
@QuarkusTest
class AccountProvisioningTest {

    @Test
    void registeringWithoutKeycloakSucceedsAndLeavesTheAccountDueWithAnInvitation() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        assertThat(Fixtures.count("account", "id = ?1 and generation > synced_generation and invite_requested", person)).isEqualTo(1);
        as(school.partnership().adminToken()).get("/api/v1/practitioners/" + person).then().statusCode(200)
                .body("accountState", equalTo("PENDING"));
        as(school.partnership().adminToken()).header("If-Match", Fixtures.etag(school.partnership().adminToken(),
                "/api/v1/practitioners/" + person)).post("/api/v1/practitioners/" + person + "/deactivation").then().statusCode(200);
        assertThat(Fixtures.count("account", "id = ?1 and generation = 2", person)).isEqualTo(1);
    }

    @Test
    void anAppointmentIsFollowedByTheHoldersAccount() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        as(school.partnership().adminToken()).body("{\"practitionerId\":\"" + person + "\"}")
                .post("/api/v1/schools/" + school.id() + "/leads").then().statusCode(201);
        assertThat(Fixtures.count("account", "id = ?1 and generation = 2", person)).isEqualTo(1);
    }

    @Test
    void theInvitationIsResentOnlyForThoseWhoManageTheRecord() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        as(school.leadToken()).post("/api/v1/practitioners/" + person + "/invitation").then().statusCode(202)
                .body("state", equalTo("PENDING")).body("invitationDue", equalTo(true));
        assertThat(Fixtures.count("audit_entry", "resource_id = ?1 and action = 'resend-invitation'", person.toString()))
                .isEqualTo(1);
        as(Fixtures.school().leadToken()).post("/api/v1/practitioners/" + person + "/invitation").then().statusCode(404);
    }

    @Test
    void reconcileReportsAnUnreachableKeycloakPerAccountNeverAsAServerError() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        as(school.partnership().adminToken()).post("/api/v1/accounts/reconcile").then().statusCode(200)
                .body("checked", greaterThanOrEqualTo(1)).body("failed", greaterThanOrEqualTo(1))
                .body("repaired", equalTo(0)).body("accounts[0].practitionerId", equalTo(person.toString()));
        assertThat(Fixtures.count("account", "id = ?1 and attempts = 1 and last_error is not null", person)).isEqualTo(1);
    }
}
