package org.cpd.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * java.net.http's default client offers an h2c upgrade on its first request to a plain-HTTP address
 * ({@code Upgrade: h2c}, a chunked body when the length is unknown). The body must reach the service.
 */
@QuarkusTest
class H2cUpgradeTest {

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void reset() {
        Backends.resetAll();
        Backends.goals().register(post(urlPathEqualTo("/api/v1/goals")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"g-1\"}")));
    }

    /** Over a new client each time: the upgrade is offered on a connection's first request. */
    private HttpResponse<String> postAsTeacher(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Authorization", "Bearer " + Callers.teacher())
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJsonPostOfferingTheUpgradeReachesTheServiceWithItsBody() throws Exception {
        String body = "{\"title\":\"Questioning\"}";
        HttpResponse<String> response = postAsTeacher("api/v1/goals", "application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())));

        assertThat(response.statusCode()).isEqualTo(201);
        Backends.goals().verifyThat(postRequestedFor(urlPathEqualTo("/api/v1/goals")).withRequestBody(equalToJson(body)));
    }

    @Test
    void anUploadOfferingTheUpgradeArrivesWhole() throws Exception {
        byte[] upload = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(upload, (byte) 'u');
        HttpResponse<String> response = postAsTeacher("api/v1/probe/upload", "application/octet-stream", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getLong("bytes")).isEqualTo(upload.length);
    }

    @Test
    void aKnownLengthPostOfferingTheUpgradeReachesTheServiceWithItsBody() throws Exception {
        String body = "{\"title\":\"Feedback\"}";
        HttpResponse<String> response = postAsTeacher("api/v1/goals", "application/json", HttpRequest.BodyPublishers.ofString(body));

        assertThat(response.statusCode()).isEqualTo(201);
        Backends.goals().verifyThat(postRequestedFor(urlPathEqualTo("/api/v1/goals")).withRequestBody(equalToJson(body)));
    }
}
