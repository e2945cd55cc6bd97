package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm files promise what the services rely on (team contract); checked on every build, without
 * a Keycloak. Running Keycloak with them is DevRealmTokensIT's job (-Pe2e).
 */
class RealmAsCodeTest {

    private static final List<String> ROLES = List.of("partnership-admin", "school-lead", "practitioner", "mis-integration");

    private final JsonPath prod = read("keycloak/realm-cpd.json");
    private final JsonPath dev = read("keycloak/dev/realm-cpd-dev.json");

    @Test
    void productionRealmDeclaresTheFourRolesAndNoUsersButTheProvisionersServiceAccount() {
        assertThat(prod.getString("realm")).isEqualTo("cpd");
        assertThat(prod.getList("roles.realm.name", String.class)).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(prod.getList("users.username", String.class)).containsExactly("service-account-cpd-directory-provisioner");
    }

    @Test
    void theProvisionerIsAConfidentialServiceAccountWithUserManagementRightsOnly() {
        Map<String, Object> provisioner = client(prod, "cpd-directory-provisioner");
        assertThat(provisioner).containsEntry("publicClient", false).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false).containsEntry("directAccessGrantsEnabled", false)
                .containsEntry("secret", "${CPD_PROVISIONER_SECRET}");
        assertThat(prod.getList("users.find { it.serviceAccountClientId == 'cpd-directory-provisioner' }.clientRoles.'realm-management'",
                String.class)).containsExactlyInAnyOrder("manage-users", "view-users", "query-users");
        assertThat(prod.getList("users.find { it.serviceAccountClientId == 'cpd-directory-provisioner' }.realmRoles", String.class))
                .containsExactly("default-roles-cpd");
    }

    @Test
    void accessTokensLiveAtMostFiveMinutesSoAccessFollowsTheDirectoryWithinThatBound() {
        assertThat(prod.getInt("accessTokenLifespan")).isLessThanOrEqualTo(300);
        assertThat(dev.getInt("accessTokenLifespan")).isLessThanOrEqualTo(300);
    }

    @Test
    void invitationsAreSentThroughTheConfiguredSmtpServerAndLocallyThroughGreenMail() {
        assertThat(prod.getString("smtpServer.host")).isEqualTo("${CPD_SMTP_HOST}");
        assertThat(dev.getString("smtpServer.host")).isEqualTo("127.0.0.1");
        assertThat(dev.getString("smtpServer.port")).isEqualTo("3025");
    }

    @Test
    void productionClientsArePublicWithPkceAndNoPasswordGrant() {
        assertThat(prod.getList("clients.clientId", String.class))
                .containsExactlyInAnyOrder("cpd-portal", "cpd-mobile", "cpd-directory-provisioner");
        for (String client : List.of("cpd-portal", "cpd-mobile")) {
            Map<String, Object> c = client(prod, client);
            assertThat(c).as(client)
                    .containsEntry("publicClient", true)
                    .containsEntry("standardFlowEnabled", true)
                    .containsEntry("implicitFlowEnabled", false)
                    .containsEntry("directAccessGrantsEnabled", false);
            assertThat(attributes(c)).as(client).containsEntry("pkce.code.challenge.method", "S256");
        }
    }

    @Test
    void cpdClaimsScopeIsDefaultAndMapsTheContractClaims() {
        assertThat(prod.getList("defaultDefaultClientScopes", String.class)).contains("cpd-claims", "roles", "basic");
        Map<String, Map<String, String>> mappers = mapperConfigs(prod, "cpd-claims");

        assertThat(mappers.get("practitioner_id")).containsEntry("claim.name", "practitioner_id")
                .containsEntry("multivalued", "false").containsEntry("access.token.claim", "true");
        assertThat(mappers.get("school_urns")).containsEntry("claim.name", "school_urns")
                .containsEntry("multivalued", "true").containsEntry("access.token.claim", "true");
        assertThat(mappers.get("partnership_ids")).containsEntry("claim.name", "partnership_ids")
                .containsEntry("multivalued", "true").containsEntry("access.token.claim", "true");
        assertThat(mappers.get("cpd-api audience")).containsEntry("included.custom.audience", "cpd-api")
                .containsEntry("access.token.claim", "true");
        assertThat(mapperConfigs(prod, "roles").get("realm roles")).containsEntry("claim.name", "realm_access.roles");
    }

    @Test
    void usersCannotEditTheAttributesThatDecideWhatTheySee() {
        JsonPath profile = JsonPath.from(prod.getString(
                "components.'org.keycloak.userprofile.UserProfileProvider'[0].config.'kc.user.profile.config'[0]"));
        for (String attribute : List.of("practitioner_id", "school_urns", "partnership_ids")) {
            assertThat(profile.getList("attributes.find { it.name == '" + attribute + "' }.permissions.edit", String.class))
                    .as(attribute).containsExactly("admin");
        }
    }

    @Test
    void devRealmAddsDemoUsersAndMisClientToTheProductionRealm() {
        assertThat(dev.getList("roles.realm.name", String.class)).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(dev.getList("clientScopes.name", String.class))
                .containsExactlyElementsOf(prod.getList("clientScopes.name", String.class));
        assertThat(dev.getList("users.username", String.class))
                .contains("admin", "lead", "mentor", "teacher", "service-account-cpd-mis-demo");
        assertThat(client(dev, "cpd-portal")).containsEntry("directAccessGrantsEnabled", true);

        Map<String, Object> mis = client(dev, "cpd-mis-demo");
        assertThat(mis).containsEntry("publicClient", false).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("secret", "cpd-mis-demo-secret");
        assertThat(dev.getList("users.find { it.serviceAccountClientId == 'cpd-mis-demo' }.realmRoles", String.class))
                .contains("mis-integration");
        assertThat(dev.getString("users.find { it.username == 'lead' }.attributes.practitioner_id[0]"))
                .isEqualTo("30000000-0000-4000-8000-000000000001");
    }

    private static JsonPath read(String path) {
        try {
            return JsonPath.from(Files.readString(Path.of(path)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + Path.of(path).toAbsolutePath(), e);
        }
    }

    private static Map<String, Object> client(JsonPath realm, String clientId) {
        return realm.getMap("clients.find { it.clientId == '" + clientId + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> attributes(Map<String, Object> client) {
        return (Map<String, String>) client.get("attributes");
    }

    private static Map<String, Map<String, String>> mapperConfigs(JsonPath realm, String scope) {
        List<Map<String, Object>> mappers = realm.getList("clientScopes.find { it.name == '" + scope + "' }.protocolMappers");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> byName = mappers.stream().collect(java.util.stream.Collectors.toMap(
                m -> (String) m.get("name"), m -> (Map<String, String>) m.get("config")));
        return byName;
    }
}
