package org.cpd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI through the gateway in prod mode: the page, the merged document it loads (servers naming the
 * gateway, the portal sign-in scheme) and the sign-in itself, done as Swagger UI does it against the real
 * Keycloak: authorization code with PKCE (S256) through the portal client, back to the UI's redirect page.
 */
class SwaggerUiIT {

    private static final String UI = Stack.GATEWAY + "/api/docs/";
    private static final String REDIRECT = UI + "oauth2-redirect.html";

    @Test
    void thePageItsSettingsAndTheDocumentItLoadsAreServedByTheGateway() {
        given().get(UI).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString(Stack.KEYCLOAK))
                .body(containsString("swagger-ui-bundle.js"));
        given().get(UI + "init.js").then().statusCode(200)
                .body(containsString("/api/v1/openapi.json"))
                .body(containsString("clientId: 'cpd-portal'"))
                .body(containsString("usePkceWithAuthorizationCodeGrant: true"))
                .body(containsString("/api/docs/oauth2-redirect.html"));
        given().get(UI + "swagger-ui-bundle.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get(REDIRECT).then().statusCode(200).body(containsString("oauth2"));

        given().accept("application/json").get(Stack.GATEWAY + "/api/v1/openapi.json").then().statusCode(200)
                .body("servers[0].url", equalTo(Stack.GATEWAY))
                .body("'x-cpd-warnings'.size()", equalTo(0))
                .body("components.securitySchemes.PortalLogin.type", equalTo("oauth2"))
                .body("components.securitySchemes.PortalLogin.flows.authorizationCode.authorizationUrl",
                        equalTo(Stack.ISSUER + "/protocol/openid-connect/auth"))
                .body("components.securitySchemes.PortalLogin.flows.authorizationCode.tokenUrl",
                        equalTo(Stack.ISSUER + "/protocol/openid-connect/token"))
                .body("paths.'/api/v1/goals'.post.security.findAll { it.containsKey('PortalLogin') }.size()", equalTo(1));
    }

    @Test
    void aPersonSignsInThroughThePortalClientWithPkceAndCallsTheApi() throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = base64Url(random(32));
        String challenge = base64Url(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String state = base64Url(random(12));
        String authorize = Stack.ISSUER + "/protocol/openid-connect/auth?" + form(Map.of(
                "response_type", "code", "client_id", "cpd-portal", "redirect_uri", REDIRECT, "scope", "openid",
                "state", state, "code_challenge", challenge, "code_challenge_method", "S256"));

        // Keycloak shows its login page only when the client allows this redirect URI.
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("login page for the UI's redirect URI: %s", login.body()).isEqualTo(200);
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
        assertThat(action.find()).as("the login form").isTrue();
        // Keycloak's session cookies are Secure: a browser sends them to http://localhost, java.net's
        // CookieManager does not, so they are passed on by hand as the browser would.
        String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "teacher", "password", "demo"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("redirect back to Swagger UI: %s", signedIn.body()).isEqualTo(302);
        URI back = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT + "?");
        Map<String, String> params = query(back);
        assertThat(params).containsEntry("state", state).containsKey("code");

        // Swagger UI's page then redeems the code from the gateway's origin: Keycloak must allow that origin.
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(Stack.TOKEN_ENDPOINT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", Stack.GATEWAY)
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", "cpd-portal", "code", params.get("code"), "redirect_uri", REDIRECT,
                        "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as("code redeemed with the PKCE verifier: %s", token.body()).isEqualTo(200);
        assertThat(token.headers().firstValue("Access-Control-Allow-Origin")).contains(Stack.GATEWAY);
        String accessToken = io.restassured.path.json.JsonPath.from(token.body()).getString("access_token");

        Stack.gatewayAs(accessToken).get("/api/v1/me").then().statusCode(200)
                .body("practitionerId", equalTo(Stack.PRACTITIONER_IDS.get("teacher")));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
