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

    /** A new client each time: the upgrade is offered on a connection's first request. */
    private static HttpClient defaultClient() {
        return HttpClient.newHttpClient();
    }

    @Test
    void aJsonPostOfferingTheUpgradeReachesTheServiceWithItsBody() throws Exception {
        String body = "{\"title\":\"Questioning\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/goals"))
                .header("Authorization", "Bearer " + Callers.teacher())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();

        HttpResponse<String> response = defaultClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        Backends.goals().verifyThat(postRequestedFor(urlPathEqualTo("/api/v1/goals")).withRequestBody(equalToJson(body)));
    }

    @Test
    void anUploadOfferingTheUpgradeArrivesWhole() throws Exception {
        byte[] upload = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(upload, (byte) 'u');
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/probe/upload"))
                .header("Authorization", "Bearer " + Callers.teacher())
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                .build();

        HttpResponse<String> response = defaultClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getLong("bytes")).isEqualTo(upload.length);
    }

    @Test
    void aKnownLengthPostOfferingTheUpgradeReachesTheServiceWithItsBody() throws Exception {
        String body = "{\"title\":\"Feedback\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "api/v1/goals"))
                .header("Authorization", "Bearer " + Callers.teacher())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = defaultClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        Backends.goals().verifyThat(postRequestedFor(urlPathEqualTo("/api/v1/goals")).withRequestBody(equalToJson(body)));
    }
}
