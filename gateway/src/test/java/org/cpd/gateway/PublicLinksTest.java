package org.cpd.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.cpd.gateway.support.Callers;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Links the services write with their own address lead back to the gateway. */
@QuarkusTest
class PublicLinksTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");

    @TestHTTPResource("/")
    URL gateway;

    private String directory;

    @BeforeEach
    void stubThreePages() {
        Backends.resetAll();
        directory = "http://localhost:" + ConfigProvider.getConfig().getValue("test.backend.directory.port", Integer.class);
        Backends.directory().register(get(urlEqualTo("/api/v1/supporters?limit=2")).willReturn(page("s-1", "c2")));
        Backends.directory().register(get(urlEqualTo("/api/v1/supporters?limit=2&cursor=c2")).willReturn(page("s-2", "c3")));
        Backends.directory().register(get(urlEqualTo("/api/v1/supporters?limit=2&cursor=c3")).willReturn(page("s-3", null)));
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String item, String next) {
        var response = okJson("{\"items\":[{\"id\":\"" + item + "\"}]}");
        if (next != null) {
            response = response.withHeader("Link", "<" + directory + "/api/v1/supporters?limit=2&cursor=" + next
                    + ">; rel=\"next\", <https://docs.example.org/paging>; rel=\"help\"");
        }
        return response;
    }

    @Test
    void aListPagedByItsNextLinksStaysOnTheGatewayToTheLastPage() {
        String base = "http://localhost:" + gateway.getPort();
        List<String> items = new ArrayList<>();
        String url = base + "/api/v1/supporters?limit=2";
        int pages = 0;
        while (url != null) {
            assertThat(url).startsWith(base + "/api/v1/supporters");
            var response = given().auth().oauth2(Callers.teacher()).urlEncodingEnabled(false).get(URI.create(url));
            assertThat(response.statusCode()).isEqualTo(200);
            items.addAll(response.jsonPath().getList("items.id"));
            String link = response.header("Link");
            if (link != null) {
                assertThat(link).doesNotContain(directory).contains("<https://docs.example.org/paging>; rel=\"help\"");
            }
            Matcher next = link == null ? null : NEXT.matcher(link);
            url = next != null && next.find() ? next.group(1) : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(items).containsExactly("s-1", "s-2", "s-3");
    }

    @Test
    void aCreatedResourcesLocationIsTheGateways() {
        Backends.goals().register(post(urlPathEqualTo("/api/v1/goals")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", "http://localhost:" + ConfigProvider.getConfig()
                        .getValue("test.backend.goals.port", Integer.class) + "/api/v1/goals/g-7")
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"g-7\"}")));

        var response = given().auth().oauth2(Callers.teacher()).contentType("application/json").body("{}")
                .post("/api/v1/goals");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("http://localhost:" + gateway.getPort() + "/api/v1/goals/g-7");
    }

    @Test
    void aTrustedProxyNamesThePublicAddress() {
        var response = given().auth().oauth2(Callers.teacher())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.example.org")
                .header("X-Forwarded-Prefix", "/cpd")
                .get("/api/v1/supporters?limit=2");
        var forwarded = given().auth().oauth2(Callers.teacher())
                .header("Forwarded", "for=192.0.2.60;proto=https;host=partners.example.org, for=10.0.0.1")
                .get("/api/v1/supporters?limit=2");

        assertThat(response.header("Link")).startsWith("<https://api.example.org/cpd/api/v1/supporters?limit=2&cursor=c2>");
        assertThat(forwarded.header("Link")).startsWith("<https://partners.example.org/api/v1/supporters?limit=2&cursor=c2>");
    }
}
