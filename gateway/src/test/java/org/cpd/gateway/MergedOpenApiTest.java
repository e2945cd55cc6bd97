package org.cpd.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.cpd.gateway.support.Backends;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class MergedOpenApiTest {

    private static final String OPENAPI = "/q/openapi?format=json";
    /** The services publish the same Problem schema as the gateway (commons-web's). */
    private static String problem;

    @BeforeEach
    void stubDocuments() {
        Backends.resetAll();
        if (problem == null) {
            problem = new io.vertx.core.json.JsonObject(given().get("/q/openapi?format=json").asString())
                    .getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem").encode();
        }
        Backends.management("directory").register(get(urlEqualTo(OPENAPI)).willReturn(okJson(document(
                "/api/v1/schools", "School", "{\"type\":\"object\",\"properties\":{\"urn\":{\"type\":\"string\"}}}"))));
        Backends.management("relationships").register(get(urlEqualTo(OPENAPI)).willReturn(okJson(document(
                "/api/v1/relationships", "Summary", "{\"type\":\"object\",\"properties\":{\"form\":{\"type\":\"string\"}}}"))));
        Backends.management("goals").register(get(urlEqualTo(OPENAPI)).willReturn(okJson(document(
                "/api/v1/goals", "Summary", "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}}}"))));
    }

    /** A service document with one path returning its schema, plus the Problem schema every service shares. */
    private static String document(String path, String schema, String schemaBody) {
        return """
                {"openapi":"3.1.0","info":{"title":"x","version":"1"},
                 "paths":{"%1$s":{"get":{"operationId":"list%2$s%4$s","tags":["%2$s"],"responses":{
                   "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/%2$s"}}}},
                   "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"%2$s":%3$s,"Problem":%5$s}},
                 "tags":[{"name":"%2$s"}]}""".formatted(path, schema, schemaBody, path.hashCode() & 0xffff, problem);
    }

    @Test
    void mergesEveryServicesPathsAndTheGatewaysOwn() {
        given().get("/api/v1/openapi.json").then().statusCode(200)
                .contentType("application/json")
                .body("openapi", is("3.1.0"))
                .body("paths", hasKey("/api/v1/schools"))
                .body("paths", hasKey("/api/v1/relationships"))
                .body("paths", hasKey("/api/v1/goals"))
                .body("paths", hasKey("/api/v1/me"))
                .body("'x-cpd-warnings'", empty())
                .body("'x-cpd-services'.goals", is("included"));
    }

    @Test
    void keepsIdenticalComponentsOnceAndPrefixesClashingOnesPerService() {
        given().get("/api/v1/openapi.json").then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("School"))
                .body("components.schemas", not(hasKey("Summary")))
                .body("components.schemas.relationships_Summary.properties", hasKey("form"))
                .body("components.schemas.goals_Summary.properties", hasKey("title"))
                .body("paths.'/api/v1/goals'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/goals_Summary"))
                .body("paths.'/api/v1/relationships'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        is("#/components/schemas/relationships_Summary"))
                .body("paths.'/api/v1/goals'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        is("#/components/schemas/Problem"));
    }

    @Test
    void servesTheDocumentWithoutAServiceThatIsDownAndSaysSo() {
        Backends.management("goals").register(get(urlEqualTo(OPENAPI)).willReturn(aResponse().withStatus(503)));

        given().get("/api/v1/openapi.json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/schools"))
                .body("paths", not(hasKey("/api/v1/goals")))
                .body("'x-cpd-services'.goals", is("unavailable"))
                .body("'x-cpd-warnings'", hasItem(containsString("goals")));
    }

    @Test
    void readsTheServicesDocumentsFromTheirManagementInterfaceNotTheirApiAddress() {
        given().get("/api/v1/openapi.json").then().statusCode(200);

        Backends.management("directory").verifyThat(getRequestedFor(urlEqualTo(OPENAPI)));
        Backends.directory().verifyThat(0, getRequestedFor(urlEqualTo(OPENAPI)));
    }

    @Test
    void servesTheSameDocumentAsYaml() {
        given().get("/api/v1/openapi.yaml").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/schools:"))
                .body(notNullValue());
    }
}
