package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cpd.commons.testapp.Note;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web conventions of every service, proved once here on a small resource that uses them all. */
@QuarkusTest
class ConventionsTest {

    static final String TOKEN = Tokens.practitioner(UUID.randomUUID(), "100001");

    @BeforeEach
    void clean() {
        QuarkusTransaction.requiringNew().run(() -> Note.deleteAll());
    }

    static RequestSpecification api() {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON);
    }

    static long notes() {
        return QuarkusTransaction.requiringNew().call(() -> Note.count());
    }

    /** Posts a note that must be refused with {@code status} as a problem, having written nothing. */
    static ValidatableResponse refusedNote(String body, int status) {
        ValidatableResponse refused = api().body(body).post("/api/v1/notes")
                .then().statusCode(status).contentType("application/problem+json");
        assertThat(notes()).isZero();
        return refused;
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static String note(String title) {
        return "{\"title\":\"" + title + "\",\"priority\":3,\"colour\":\"RED\"}";
    }

    @Test
    void malformedJsonIsA400ProblemAndWritesNothing() {
        refusedNote("{\"title\": ", 400)
                .body("type", equalTo("urn:cpd:problem:malformed-body"))
                .body("status", equalTo(400));
    }

    @Test
    void stringWhereNumberExpectedNamesTheField() {
        refusedNote("{\"title\":\"a\",\"priority\":\"high\",\"colour\":\"RED\"}", 400)
                .body("type", equalTo("urn:cpd:problem:validation-failed"))
                .body("errors.field", hasItem("priority"));
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        refusedNote("{\"title\":\"a\",\"priority\":1,\"colour\":\"PURPLE\"}", 400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("GREEN"));
    }

    @Test
    void emptyBodyIsRefused() {
        api().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(notes()).isZero();
    }

    @Test
    void everyInvalidFieldIsListed() {
        refusedNote("{\"title\":\" \",\"priority\":11}", 400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void fieldsInsideListsAreNamedWithTheirPosition() {
        refusedNote("{\"title\":\"a\",\"priority\":1,\"colour\":\"RED\",\"tags\":[{\"name\":\"ok\"},{\"name\":\"\"}]}", 400)
                .body("errors.field", equalTo(List.of("tags[1].name")));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String big = "x".repeat(5000);
        refusedNote(note(big), 413)
                .body("type", equalTo("urn:cpd:problem:payload-too-large"));
    }

    @Test
    void missingTokenIs401ProblemAndWrongRoleIs403Problem() {
        given().contentType(ContentType.JSON).body(note("a")).post("/api/v1/notes")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:unauthenticated"));
        given().auth().oauth2(Tokens.mis("100001")).get("/api/v1/notes")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(notes()).isZero();
    }

    @Test
    void tokensFromAnotherIssuerOrExpiredAreRejected() {
        given().auth().oauth2(Tokens.builder().roles("practitioner").issuer("https://elsewhere").build())
                .get("/api/v1/notes").then().statusCode(401);
        given().auth().oauth2(Tokens.builder().roles("practitioner").expiresInSeconds(-120).build())
                .get("/api/v1/notes").then().statusCode(401);
        given().auth().oauth2(Tokens.builder().roles("practitioner").audience("another-api").build())
                .get("/api/v1/notes").then().statusCode(401);
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        api().header("X-Request-Id", "abc-123").get("/api/v1/notes").then().statusCode(200).header("X-Request-Id", "abc-123");
        api().get("/api/v1/notes").then().statusCode(200).header("X-Request-Id", notNullValue());
        api().header("X-Request-Id", "abc-404").get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(404).body("requestId", equalTo("abc-404"));
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysWithoutSecondWrite() {
        Response first = api().header("Idempotency-Key", "k-1").body(note("once")).post("/api/v1/notes");
        first.then().statusCode(201);
        Response second = api().header("Idempotency-Key", "k-1").body(note("once")).post("/api/v1/notes");
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422AndWritesNothing() {
        api().header("Idempotency-Key", "k-2").body(note("first")).post("/api/v1/notes").then().statusCode(201);
        api().header("Idempotency-Key", "k-2").body(note("second")).post("/api/v1/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:idempotency-key-reused"));
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Response> call = () -> api().header("Idempotency-Key", "k-race").body(note("race")).post("/api/v1/notes");
                results.add(pool.submit(call));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> result : results) {
                Response response = result.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.jsonPath().getString("id"));
            }
            assertThat(ids).hasSize(1);
            assertThat(notes()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cursorPagesVisitEveryItemOnceEvenWithInsertsBetweenPages() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(api().body(note("n" + i)).post("/api/v1/notes").jsonPath().getString("id"));
        }
        Set<String> seen = new HashSet<>();
        Response page = api().queryParam("limit", 2).get("/api/v1/notes");
        int pages = 0;
        while (true) {
            page.then().statusCode(200);
            List<String> ids = page.jsonPath().getList("items.id");
            for (String id : ids) {
                assertThat(seen.add(id)).as("item %s seen twice", id).isTrue();
            }
            pages++;
            if (pages == 1) {
                created.add(api().body(note("late")).post("/api/v1/notes").jsonPath().getString("id"));
            }
            String next = page.jsonPath().getString("nextCursor");
            if (next == null) {
                assertThat(page.header("Link")).isNull();
                break;
            }
            assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=" + next);
            page = api().queryParam("limit", 2).queryParam("cursor", next).get("/api/v1/notes");
        }
        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void updatedSinceReturnsOnlyLaterChanges() throws InterruptedException {
        api().body(note("old")).post("/api/v1/notes").then().statusCode(201);
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        String recent = api().body(note("new")).post("/api/v1/notes").jsonPath().getString("id");
        api().queryParam("updatedSince", since.toString()).get("/api/v1/notes")
                .then().statusCode(200).body("items.id", equalTo(List.of(recent)));
    }

    @Test
    void badPagingParametersAre400Problems() {
        api().queryParam("cursor", "not-a-cursor").get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("cursor"));
        api().queryParam("updatedSince", "yesterday").get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("updatedSince"));
        api().queryParam("limit", "0").get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        api().queryParam("colour", "PURPLE").get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void updateNeedsIfMatchAndRefusesStaleVersions() {
        String id = api().body(note("v0")).post("/api/v1/notes").jsonPath().getString("id");
        String etag = api().get("/api/v1/notes/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        api().body(note("no-if-match")).put("/api/v1/notes/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:precondition-required"));
        api().header("If-Match", "\"7\"").body(note("stale")).put("/api/v1/notes/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:precondition-failed"));
        api().get("/api/v1/notes/" + id).then().body("title", equalTo("v0")).header("ETag", etag);

        String newTag = api().header("If-Match", etag).body(note("v1")).put("/api/v1/notes/" + id)
                .then().statusCode(200).body("title", equalTo("v1")).extract().header("ETag");
        assertThat(newTag).isEqualTo("\"1\"");
        api().header("If-Match", etag).body(note("lost update")).put("/api/v1/notes/" + id).then().statusCode(412);
    }

    @Test
    void unknownResourceIs404Problem() {
        api().get("/api/v1/notes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:cpd:problem:not-found"));
        api().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void openApiDocumentsProblemResponsesOnEveryOperation() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(doc);
        assertThat(json.getMap("components.schemas.Problem")).isNotNull();
        assertThat(json.getMap("paths.'/api/v1/notes/{id}'.put.responses")).containsKeys("200", "400", "401", "403", "404", "409", "412", "428", "500");
        assertThat(json.getMap("paths.'/api/v1/notes'.post.responses")).containsKeys("400", "401", "409", "422");
    }

    // Strict JSON (commons-web StrictJson): a body is read only when it says exactly one thing.

    @Test
    void duplicateKeyIsRefusedNamingTheField() {
        api().body("{\"title\":\"a\",\"title\":1,\"priority\":3,\"colour\":\"RED\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title")));
        refusedNote("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"tags\":[{\"name\":\"x\",\"name\":\"y\"}]}", 400)
                .body("errors.field", equalTo(List.of("tags[0].name")));
    }

    @Test
    void trailingTokensAndConcatenatedDocumentsAreRefused() {
        api().body(note("a") + " x").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:malformed-body"));
        refusedNote(note("a") + note("b"), 400)
                .body("type", equalTo("urn:cpd:problem:malformed-body"));
    }

    @Test
    void scalarsOfAnotherJsonTypeAreNotCoerced() {
        String[][] cases = {
                {"{\"title\":\"a\",\"priority\":3,\"colour\":1}", "colour"},
                {"{\"title\":\"a\",\"priority\":1.5,\"colour\":\"RED\"}", "priority"},
                {"{\"title\":\"a\",\"priority\":\"3\",\"colour\":\"RED\"}", "priority"},
                {"{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"pinned\":\"true\"}", "pinned"},
                {"{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"pinned\":1}", "pinned"},
                {"{\"title\":5,\"priority\":3,\"colour\":\"RED\"}", "title"},
                {"{\"title\":true,\"priority\":3,\"colour\":\"RED\"}", "title"},
        };
        for (String[] bad : cases) {
            api().body(bad[0]).post("/api/v1/notes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of(bad[1])));
        }
        assertThat(notes()).isZero();
    }

    @Test
    void nullListElementsAreRefusedAtTheirPosition() {
        api().body("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"watchers\":[null]}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("watchers[0]")));
        refusedNote("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"tags\":[{\"name\":\"x\"},null]}", 400)
                .body("errors.field", equalTo(List.of("tags[1]")));
    }

    // Input bounds (commons-web InputBounds): what PostgreSQL stores, docs/problems.md#input-bounds.

    @Test
    void instantsAndDatesOutsideTheStorableYearsAreRefusedInBodies() {
        String[][] cases = {
                {"\"remindAt\":\"+1000000000-01-01T00:00:00Z\"", "remindAt"},
                {"\"remindAt\":\"-1000000000-01-01T00:00:00Z\"", "remindAt"},
                {"\"remindAt\":\"+10000-01-01T00:00:00Z\"", "remindAt"},
                {"\"due\":\"+10000-01-01\"", "due"},
                {"\"due\":\"-0001-12-31\"", "due"},
        };
        for (String[] bad : cases) {
            api().body("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\"," + bad[0] + "}").post("/api/v1/notes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of(bad[1])))
                    .body("errors[0].message", containsString("9999"));
        }
        api().body("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"remindAt\":\"9999-12-31T00:00:00Z\",\"due\":\"0001-01-01\"}")
                .post("/api/v1/notes").then().statusCode(201);
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void instantsOutsideTheStorableYearsAreRefusedInQueriesAndCursors() {
        for (String since : List.of("+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            api().queryParam("updatedSince", since).get("/api/v1/notes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("updatedSince")));
        }
        String farCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("+1000000000-01-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        api().queryParam("cursor", farCursor).get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")));
        api().queryParam("cursor", "A".repeat(3000)).get("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void controlCharactersAreRefusedInJsonStringsButTabAndNewLinesAreText() {
        api().body(note("a\\u0000b")).post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title")))
                .body("errors[0].message", containsString("control characters"));
        refusedNote("{\"title\":\"a\",\"priority\":3,\"colour\":\"RED\",\"tags\":[{\"name\":\"x\\u001b[31m\"}]}", 400)
                .body("errors.field", equalTo(List.of("tags[0].name")));
        api().body(note("line one\\nline two\\ttabbed\\r\\n")).post("/api/v1/notes").then().statusCode(201);
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void controlCharactersAreRefusedInPathAndQueryParameters() {
        api().urlEncodingEnabled(false).get("/api/v1/notes/titled/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title")));
        api().urlEncodingEnabled(false).get("/api/v1/notes/titled/%00")
                .then().statusCode(400).contentType("application/problem+json");
        api().urlEncodingEnabled(false).get("/api/v1/notes?title=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title")));
        api().urlEncodingEnabled(false).get("/api/v1/notes?title=a%07b&limit=2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("title")));
        api().get("/api/v1/notes?title=plain").then().statusCode(200);
    }

    @Test
    void chunkedJsonBodyOverTheLimitIs413WhileStreaming() {
        byte[] big = note("x".repeat(3 * 4096)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // An InputStream body has no known length: it is sent chunked, without Content-Length.
        api().body(new java.io.ByteArrayInputStream(big)).post("/api/v1/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:payload-too-large"));
        assertThat(notes()).isZero();
        api().body(new java.io.ByteArrayInputStream(note("small").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .post("/api/v1/notes").then().statusCode(201);
        assertThat(notes()).isEqualTo(1);
    }

    @Test
    void malformedOrUnterminatedMultipartIs400Problem() {
        String unterminated = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nabc";
        given().auth().oauth2(TOKEN).contentType("multipart/form-data; boundary=XYZ").body(bytes(unterminated))
                .post("/api/v1/notes/uploads")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).contentType("multipart/form-data; boundary=XYZ").body(bytes("not multipart at all"))
                .post("/api/v1/notes/uploads")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TOKEN).contentType("multipart/form-data").body(bytes("--x\r\n\r\n"))
                .post("/api/v1/notes/uploads")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void uploadFileNamesWithControlCharactersAreRefused() {
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nabc\r\n--XYZ--\r\n";
        given().auth().oauth2(TOKEN).contentType("multipart/form-data; boundary=XYZ")
                .body(bytes(body))
                .post("/api/v1/notes/uploads")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("file")));
        String fine = body.replace("a\u0000b.txt", "ab.txt");
        given().auth().oauth2(TOKEN).contentType("multipart/form-data; boundary=XYZ")
                .body(bytes(fine))
                .post("/api/v1/notes/uploads")
                .then().statusCode(200).body("fileName", equalTo("ab.txt"));
    }

    @Test
    void anonymousCallerIsRefused401BeforeContentNegotiation() {
        given().contentType("text/plain").body("x").post("/api/v1/notes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("urn:cpd:problem:unauthenticated"));
        given().accept("text/csv").get("/api/v1/notes")
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType("multipart/form-data; boundary=XYZ").body(bytes("--XYZ")).post("/api/v1/notes/uploads")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/nothing-here").then().statusCode(401).contentType("application/problem+json");
        assertThat(notes()).isZero();
    }

    @Test
    void logsCarryControlCharactersEscaped() {
        assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.log.console.filter", String.class)).isEqualTo(org.cpd.commons.web.LogEscaping.NAME);
        org.jboss.logmanager.ExtLogRecord record = new org.jboss.logmanager.ExtLogRecord(java.util.logging.Level.INFO,
                "Unexpected failure on %s", org.jboss.logmanager.ExtLogRecord.FormatStyle.PRINTF, ConventionsTest.class.getName());
        record.setParameters(new Object[] {"/api/v1/notes/a\u0000b\nforged line\u001b[31m\ttab"});
        assertThat(new org.cpd.commons.web.LogEscaping().isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage())
                .isEqualTo("Unexpected failure on /api/v1/notes/a\\u0000b\\nforged line\\u001b[31m\ttab")
                .doesNotContain("\u0000");
    }
}
