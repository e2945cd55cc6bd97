package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dev realm imported by the local stack issues the claims every service relies on (team contract). */
class DevRealmTokensIT {

    @ParameterizedTest(name = "{0} gets {1} and their own practitioner id")
    @CsvSource({
            "admin, partnership-admin",
            "lead, school-lead",
            "mentor, practitioner",
            "teacher, practitioner"})
    void demoUserTokenCarriesRoleAndCpdClaims(String username, String role) {
        JsonPath claims = Jwt.claims(Stack.tokenFor(username));

        assertThat(claims.getString("iss")).isEqualTo(Stack.ISSUER);
        assertThat(audience(claims)).contains("cpd-api");
        assertThat(claims.getList("realm_access.roles", String.class)).contains(role);
        assertThat(claims.getString("practitioner_id")).isEqualTo(Stack.PRACTITIONER_IDS.get(username));
        assertThat(claims.getList("school_urns", String.class)).containsExactly(Stack.SCHOOL_URN);
        // the demo partnership first; the demo admin also administers partnerships the suite creates (once the
        // directory's account sync has followed them, which depends on what ran before)
        assertThat(claims.getList("partnership_ids", String.class)).contains(Stack.PARTNERSHIP_ID);
    }

    @Test
    void misClientTokenCarriesIntegrationRoleAndItsSchool() {
        JsonPath claims = Jwt.claims(Stack.misToken());

        assertThat(claims.getString("iss")).isEqualTo(Stack.ISSUER);
        assertThat(audience(claims)).contains("cpd-api");
        assertThat(claims.getString("azp")).isEqualTo(Stack.MIS_CLIENT);
        assertThat(claims.getList("realm_access.roles", String.class)).contains("mis-integration");
        assertThat(claims.getList("school_urns", String.class)).containsExactly(Stack.SCHOOL_URN);
        assertThat(claims.getList("partnership_ids", String.class)).containsExactly(Stack.PARTNERSHIP_ID);
        assertThat(claims.getString("practitioner_id")).isNull();
    }

    // `aud` is a string when there is one audience and an array otherwise.
    private static List<String> audience(JsonPath claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }
}
