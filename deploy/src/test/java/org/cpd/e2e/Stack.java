package org.cpd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The running local stack (deploy/local/stack.sh up) as the suite sees it: base URLs from system
 * properties, and tokens from the dev realm, fetched the way a client would fetch them.
 */
final class Stack {

    static final String GATEWAY = System.getProperty("e2e.gateway.url", "http://localhost:8080");
    /** Health, metrics and the raw OpenAPI: the gateway's management interface (deploy/local/stack.sh). */
    static final String GATEWAY_MANAGEMENT = System.getProperty("e2e.gateway.management-url", "http://localhost:9080");
    static final String KEYCLOAK = System.getProperty("e2e.keycloak.url", "http://localhost:8180");
    static final String ISSUER = KEYCLOAK + "/realms/cpd";
    static final String TOKEN_ENDPOINT = ISSUER + "/protocol/openid-connect/token";

    /** Demo data of the dev realm and directory-service's seed (team brief). */
    static final String PARTNERSHIP_ID = "10000000-0000-4000-8000-000000000001";
    static final String SCHOOL_URN = "100001";
    static final Map<String, String> PRACTITIONER_IDS = Map.of(
            "lead", "30000000-0000-4000-8000-000000000001",
            "mentor", "30000000-0000-4000-8000-000000000002",
            "teacher", "30000000-0000-4000-8000-000000000003",
            "admin", "30000000-0000-4000-8000-000000000004");
    static final String MIS_CLIENT = "cpd-mis-demo";
    static final String MIS_SECRET = "cpd-mis-demo-secret";

    // Tokens live 5 minutes: one per user, fetched again when it has less than a minute left.
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static {
        // A failing assertion shows the whole exchange; passing ones stay quiet.
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Stack() {
    }

    /** An access token for a demo user (password grant through the public portal client, dev realm only). */
    static String tokenFor(String username) {
        TOKENS.computeIfPresent(username, (u, t) -> expiresSoon(t) ? null : t);
        return TOKENS.computeIfAbsent(username, u -> given()
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "cpd-portal")
                .formParam("username", u)
                .formParam("password", "demo")
                .formParam("scope", "openid")
                .when().post(TOKEN_ENDPOINT)
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /** An access token for the demo MIS integration (client credentials). */
    static String misToken() {
        TOKENS.computeIfPresent("client:" + MIS_CLIENT, (u, t) -> expiresSoon(t) ? null : t);
        return TOKENS.computeIfAbsent("client:" + MIS_CLIENT, c -> given()
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", MIS_CLIENT)
                .formParam("client_secret", MIS_SECRET)
                .when().post(TOKEN_ENDPOINT)
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    /**
     * How many logins of the dev realm hold this text in their username, e-mail or names (Keycloak's admin API
     * search, as the master realm's admin).
     */
    static int accountsMatching(String text) {
        String master = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().auth().oauth2(master).queryParam("search", text)
                .get(KEYCLOAK + "/admin/realms/cpd/users/count")
                .then().statusCode(200).extract().as(Integer.class);
    }

    private static boolean expiresSoon(String token) {
        return Jwt.claims(token).getLong("exp") - System.currentTimeMillis() / 1000 < 60;
    }

    /** Requests through the gateway, with the response logged when an assertion fails. */
    static RequestSpecification gateway() {
        return given().spec(new RequestSpecBuilder().setBaseUri(GATEWAY).setAccept(ContentType.JSON).build());
    }

    static RequestSpecification gatewayAs(String token) {
        return gateway().auth().oauth2(token);
    }

    private static final String STACK_SCRIPT = System.getProperty("e2e.stack.script", "local/stack.sh");

    /** Runs the local stack's script ({@code stop goals-service}, {@code start kafka}, ...) and asserts it succeeded. */
    static void script(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", STACK_SCRIPT));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            // The started component's output goes to its own log; this reads only the script's.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean done = process.waitFor(15, TimeUnit.MINUTES);
            System.out.printf("[stack] stack.sh %s:%n%s", String.join(" ", args), output);
            assertThat(done && process.exitValue() == 0).as("stack.sh %s succeeded", String.join(" ", args)).isTrue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
