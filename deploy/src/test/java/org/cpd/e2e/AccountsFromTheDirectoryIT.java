package org.cpd.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Logins follow the directory, with real Keycloak and real mail (GreenMail): an admin creates a partnership
 * and administers it at once, registers a practitioner, the invitation arrives, its link sets a password,
 * the person logs in; a move to another partnership's school shows in their next token and takes the old
 * school's colleagues out of their view; a deactivation ends their login.
 */
class AccountsFromTheDirectoryIT {

    static final Pattern ACTION_LINK = Pattern.compile("(http[^\\s\"<>]*/login-actions/[^\\s\"<>]*)");
    static final Pattern PASSWORD_FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*>(?:(?!</form>).)*password-new",
            Pattern.DOTALL);

    final Random random = new Random();

    @Test
    void anInvitedPractitionerSetsAPasswordLogsInMovesAndLosesTheLoginWhenDeactivated() throws Exception {
        String admin = Stack.tokenFor("admin");
        String partnership = Stack.gatewayAs(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E partnership " + UUID.randomUUID().toString().substring(0, 6), "kind", "REGIONAL_CPD"))
                .post("/api/v1/partnerships").then().statusCode(201).extract().path("id");
        // the creator administers it with the token they already had
        String etag = Stack.gatewayAs(admin).get("/api/v1/partnerships/" + partnership).then().statusCode(200).extract().header("ETag");
        Stack.gatewayAs(admin).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "E2E partnership (renamed at once)", "kind", "REGIONAL_CPD"))
                .put("/api/v1/partnerships/" + partnership).then().statusCode(200);
        String firstSchool = school(admin, partnership);
        // the person later moves to a school of another partnership, which this admin runs too
        String otherPartnership = Stack.gatewayAs(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "E2E other partnership " + UUID.randomUUID().toString().substring(0, 6), "kind", "REGIONAL_CPD"))
                .post("/api/v1/partnerships").then().statusCode(201).extract().path("id");
        String secondSchool = school(admin, otherPartnership);
        String colleague = Stack.gatewayAs(admin).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Colleague At The First School", "email",
                        "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example",
                        "schoolUrn", firstSchool, "careerStage", "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");

        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
        String id = Stack.gatewayAs(admin).contentType(ContentType.JSON)
                .body(Map.of("fullName", "Invited Teacher", "email", email, "schoolUrn", firstSchool, "careerStage", "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");

        String invitation = await("the invitation e-mail to " + email).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2)).until(() -> Mailbox.messages(email), m -> !m.isEmpty()).get(0);
        String link = firstActionLink(invitation);
        String password = "E2e-" + UUID.randomUUID();
        followInvitation(link, password);

        String token = await("a login with the new password").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2))
                .until(() -> passwordGrant(email, password), t -> t != null);
        assertThat(Jwt.claims(token).getString("practitioner_id")).isEqualTo(id);
        assertThat(Jwt.claims(token).getList("school_urns", String.class)).containsExactly(firstSchool);
        assertThat(Jwt.claims(token).getList("partnership_ids", String.class)).contains(partnership);
        assertThat(Jwt.claims(token).getList("realm_access.roles", String.class)).contains("practitioner");
        Stack.gatewayAs(token).get("/api/v1/practitioners/" + id).then().statusCode(200);
        Stack.gatewayAs(token).get("/api/v1/practitioners/" + colleague).then().statusCode(200);
        Stack.gatewayAs(token).get("/api/v1/me").then().statusCode(200);
        await("the account shows ACTIVE").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(3))
                .until(() -> Stack.gatewayAs(Stack.tokenFor("admin")).get("/api/v1/practitioners/" + id).path("accountState"),
                        "ACTIVE"::equals);

        // moved to another school: the next token names it
        String current = Stack.gatewayAs(admin).get("/api/v1/practitioners/" + id).then().extract().header("ETag");
        Stack.gatewayAs(admin).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("fullName", "Invited Teacher", "email", email, "schoolUrn", secondSchool, "careerStage", "TEACHER"))
                .put("/api/v1/practitioners/" + id).then().statusCode(200);
        String moved = await("the next token names the new school").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2)).until(() -> passwordGrant(email, password),
                        t -> Jwt.claims(t).getList("school_urns", String.class).equals(List.of(secondSchool)));
        assertThat(Jwt.claims(moved).getList("partnership_ids", String.class)).containsExactly(otherPartnership);
        // the old school's data is gone from their view: a colleague there is not found, their own record is
        Stack.gatewayAs(moved).get("/api/v1/practitioners/" + colleague).then().statusCode(404);
        Stack.gatewayAs(moved).get("/api/v1/practitioners/" + id).then().statusCode(200)
                .body("schoolUrn", org.hamcrest.Matchers.equalTo(secondSchool));

        // deactivated: the token they hold is refused by the directory at once, and they cannot log in again
        String before = Stack.gatewayAs(admin).get("/api/v1/practitioners/" + id).then().extract().header("ETag");
        Stack.gatewayAs(Stack.tokenFor("admin")).contentType(ContentType.JSON).header("If-Match", before)
                .post("/api/v1/practitioners/" + id + "/deactivation")
                .then().statusCode(200);
        String held = passwordGrantOrNull(email, password);
        if (held != null) {
            Stack.gatewayAs(held).get("/api/v1/practitioners/" + id).then().statusCode(403);
        }
        await("the login is disabled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(() -> passwordGrantStatus(email, password), status -> status == 400 || status == 401);

        // the reconcile afterwards finds nothing to repair on this account
        List<Map<String, Object>> repaired = Stack.gatewayAs(Stack.tokenFor("admin")).contentType(ContentType.JSON)
                .post("/api/v1/accounts/reconcile")
                .then().statusCode(200).extract().path("accounts");
        assertThat(repaired).noneMatch(r -> id.equals(r.get("practitionerId")));
    }

    private String school(String admin, String partnership) {
        String urn = String.valueOf(900000 + random.nextInt(99999));
        Stack.gatewayAs(admin).contentType(ContentType.JSON)
                .body(Map.of("urn", urn, "name", "E2E School " + urn, "phase", "PRIMARY", "partnershipIds", List.of(partnership)))
                .post("/api/v1/schools").then().statusCode(201);
        return urn;
    }

    /** The action link of Keycloak's mail, out of its quoted-printable text. */
    static String firstActionLink(String message) {
        String text = message.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=").replace("&amp;", "&");
        return onwards(text);
    }

    /**
     * Follows the invitation as a browser would: its pages lead to the "set a password" form. Cookies are
     * kept by hand because Keycloak marks them Secure, which a browser honours on http://localhost and
     * Java's cookie store does not.
     */
    static void followInvitation(String link, String password) throws IOException, InterruptedException {
        Browser browser = new Browser();
        Browser.Page page = browser.get(link);
        for (int step = 0; step < 6; step++) {
            String html = page.body().replace("&amp;", "&");
            Matcher form = PASSWORD_FORM.matcher(html);
            if (form.find()) {
                String body = "password-new=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                        + "&password-confirm=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
                page = browser.post(page.uri().resolve(form.group(1)).toString(), body);
                assertThat(page.body()).as("Keycloak's answer to the new password").doesNotContain("password-new");
                return;
            }
            page = browser.get(onwards(html));
        }
        throw new AssertionError("no password form after following the invitation: " + page.body());
    }

    /** Just enough of a browser: cookies by name, redirects followed. */
    static final class Browser {
        record Page(URI uri, String body) {
        }

        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        Page get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), 0);
        }

        Page post(String url, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), 0);
        }

        private Page send(HttpRequest.Builder request, int hops) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")));
            }
            HttpRequest sent = request.build();
            HttpResponse<String> response = http.send(sent, HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            var location = response.headers().firstValue("location");
            if (response.statusCode() / 100 == 3 && location.isPresent() && hops < 10) {
                return send(HttpRequest.newBuilder(sent.uri().resolve(location.get())).GET(), hops + 1);
            }
            return new Page(sent.uri(), response.body());
        }
    }

    /** The page's link onwards ("click here to proceed"), not its language links. */
    static String onwards(String html) {
        Matcher links = ACTION_LINK.matcher(html);
        while (links.find()) {
            if (!links.group(1).contains("kc_locale")) {
                return links.group(1);
            }
        }
        throw new AssertionError("no link onwards on " + html);
    }

    static String passwordGrant(String username, String password) {
        return passwordGrantOrNull(username, password);
    }

    static String passwordGrantOrNull(String username, String password) {
        var response = grant(username, password);
        return response.statusCode() == 200 ? response.path("access_token") : null;
    }

    static int passwordGrantStatus(String username, String password) {
        return grant(username, password).statusCode();
    }

    private static io.restassured.response.Response grant(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("client_id", "cpd-portal")
                .formParam("username", username).formParam("password", password).formParam("scope", "openid")
                .post(Stack.TOKEN_ENDPOINT).andReturn();
    }
}
