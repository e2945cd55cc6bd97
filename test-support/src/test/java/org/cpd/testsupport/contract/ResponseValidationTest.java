package org.cpd.testsupport.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.Extension;

/**
 * The response check the services' API tests rely on: it must refuse what the document does not
 * declare (a null, a status, a required header, a content type, a path), accept what it does, read
 * OpenAPI 3.1's nullable forms, and be registered so that every module's tests run with it.
 */
class ResponseValidationTest {

    private static HttpServer server;
    private static io.restassured.filter.Filter filter;

    /** Each path of the stub server answers one way: status, content type, request id or not, body. */
    private static void answer(String path, int status, String contentType, boolean requestId, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (requestId) {
                exchange.getResponseHeaders().set("X-Request-Id", "r-1");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/api/v1/things/declared", 200, "application/json", true,
                "{\"id\":\"a\",\"title\":\"t\",\"note\":null,\"parent\":null,\"status\":\"OPEN\"}");
        answer("/api/v1/things/with-parent", 200, "application/json", true,
                "{\"id\":\"a\",\"title\":\"t\",\"parent\":\"2b0c3f4e-8a1d-4c55-9c1e-0f6c8f3a9d21\"}");
        answer("/api/v1/things/null-title", 200, "application/json", true, "{\"id\":\"a\",\"title\":null}");
        answer("/api/v1/things/null-status", 200, "application/json", true, "{\"id\":\"a\",\"title\":\"t\",\"status\":null}");
        answer("/api/v1/things/number-note", 200, "application/json", true, "{\"id\":\"a\",\"title\":\"t\",\"note\":7}");
        answer("/api/v1/things/bad-parent", 200, "application/json", true, "{\"id\":\"a\",\"title\":\"t\",\"parent\":7}");
        answer("/api/v1/things/bad-status", 200, "application/json", true, "{\"id\":\"a\",\"title\":\"t\",\"status\":\"LOST\"}");
        answer("/api/v1/things/teapot", 418, "application/problem+json", true, "{}");
        answer("/api/v1/things/no-request-id", 200, "application/json", false, "{\"id\":\"a\",\"title\":\"t\"}");
        answer("/api/v1/things/wrong-type", 200, "text/html", true, "<p>a</p>");
        answer("/api/v1/things/method-refused", 405, "application/problem+json", true, "{}");
        answer("/api/v1/undocumented", 200, "application/json", true, "{}");
        answer("/q/health/ready", 200, "application/json", false, "{\"status\":\"UP\"}");
        server.start();
        filter = ResponseValidation.filter(sample());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Path sample() throws URISyntaxException {
        return Path.of(ResponseValidationTest.class.getResource("/contract/sample.yaml").toURI());
    }

    private static int get(String path) {
        return given().filter(filter).baseUri("http://127.0.0.1").port(server.getAddress().getPort())
                .get(path).statusCode();
    }

    @Test
    void acceptsWhatTheDocumentDeclaresWithBothNullableForms() {
        assertThat(get("/api/v1/things/declared")).isEqualTo(200);
        assertThat(get("/api/v1/things/with-parent")).isEqualTo(200);
    }

    /** Each response breaks the committed document in one way; the message names what, where it can. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            a null the property does not allow,               /api/v1/things/null-title,     title
            a null a referenced enum does not allow,          /api/v1/things/null-status,
            a value the referenced enum does not list,        /api/v1/things/bad-status,
            a number where a nullable string is declared,     /api/v1/things/number-note,
            a number where a nullable reference is declared,  /api/v1/things/bad-parent,
            an undeclared status,                             /api/v1/things/teapot,         418
            a response without a required header,             /api/v1/things/no-request-id,  X-Request-Id
            an undeclared content type,                       /api/v1/things/wrong-type,
            an API path the document does not have,           /api/v1/undocumented,
            """)
    void refuses(String what, String path, String named) {
        assertThatThrownBy(() -> get(path))
                .isInstanceOf(OpenApiValidationFilter.OpenApiValidationException.class)
                .hasMessageContaining(named == null ? "" : named);
    }

    @Test
    void acceptsA405ForAMethodThePathDoesNotHaveAndNothingElse() {
        assertThat(post("/api/v1/things/method-refused")).isEqualTo(405);
        assertThatThrownBy(() -> post("/api/v1/things/declared")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("instead of 405");
    }

    private static int post(String path) {
        return given().filter(filter).baseUri("http://127.0.0.1").port(server.getAddress().getPort())
                .post(path).statusCode();
    }

    @Test
    void leavesTheNonApiEndpointsAlone() {
        assertThat(get("/q/health/ready")).isEqualTo(200);
    }

    @Test
    void readsEveryCommittedDocument() throws java.io.IOException {
        try (var documents = java.nio.file.Files.list(org.cpd.testsupport.OpenApiDrift.repositoryRoot().resolve("docs/openapi"))) {
            List<Path> yaml = documents.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yaml).isNotEmpty();
            yaml.forEach(ResponseValidation::filter); // a document the validator cannot read throws here
        }
    }

    @Test
    void knowsTheDocumentsOwnPathsFromTheOnesARelayPasses() throws URISyntaxException {
        var own = ResponseValidation.ownPaths(sample());
        assertThat(own.test("/api/v1/things/a-1")).isTrue();
        assertThat(own.test("/api/v1/things")).isFalse();
        assertThat(own.test("/api/v1/things/a/b")).isFalse();
        assertThat(own.test("/api/v1/goals")).isFalse();
    }

    @Test
    void isRegisteredForEveryModulesTests() {
        assertThat(StreamSupport.stream(ServiceLoader.load(Extension.class).spliterator(), false))
                .anyMatch(CommittedContract.class::isInstance);
    }
}
