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

    static String note(String title) {
        return "{\"title\":\"" + title + "\",\"priority\":3,\"colour\":\"RED\"}";
    }

    @Test
    void malformedJsonIsA400ProblemAndWritesNothing() {
        api().body("{\"title\": ").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:malformed-body"))
                .body("status", equalTo(400));
        assertThat(notes()).isZero();
    }

    @Test
    void stringWhereNumberExpectedNamesTheField() {
        api().body("{\"title\":\"a\",\"priority\":\"high\",\"colour\":\"RED\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:validation-failed"))
                .body("errors.field", hasItem("priority"));
        assertThat(notes()).isZero();
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        api().body("{\"title\":\"a\",\"priority\":1,\"colour\":\"PURPLE\"}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("GREEN"));
        assertThat(notes()).isZero();
    }

    @Test
    void emptyBodyIsRefused() {
        api().post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(notes()).isZero();
    }

    @Test
    void everyInvalidFieldIsListed() {
        api().body("{\"title\":\" \",\"priority\":11}").post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("priority"))
                .body("errors.field", hasItem("colour"));
        assertThat(notes()).isZero();
    }

    @Test
    void fieldsInsideListsAreNamedWithTheirPosition() {
        api().body("{\"title\":\"a\",\"priority\":1,\"colour\":\"RED\",\"tags\":[{\"name\":\"ok\"},{\"name\":\"\"}]}")
                .post("/api/v1/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("tags[1].name")));
        assertThat(notes()).isZero();
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String big = "x".repeat(5000);
        api().body(note(big)).post("/api/v1/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cpd:problem:payload-too-large"));
        assertThat(notes()).isZero();
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
}
