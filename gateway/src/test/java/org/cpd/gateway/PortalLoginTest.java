package org.cpd.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpd.gateway.openapi.MergedOpenApi;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The served document's additions: the gateway as its server, and Swagger UI's sign-in scheme. */
class PortalLoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{
                  "/api/v1/goals":{"get":{"security":[{"SecurityScheme":["practitioner"]}]}},
                  "/api/v1/openapi.json":{"get":{}}},
                 "components":{"securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer"}}}}""");
    }

    @Test
    void operationsThatNeedATokenAlsoAcceptThePortalSignInScheme() throws Exception {
        ObjectNode doc = document();
        MergedOpenApi.addPortalLogin(doc, URI.create("https://auth.example.org/realms/cpd/"));

        var flow = doc.at("/components/securitySchemes/PortalLogin/flows/authorizationCode");
        assertThat(flow.path("authorizationUrl").asText()).isEqualTo("https://auth.example.org/realms/cpd/protocol/openid-connect/auth");
        assertThat(flow.path("tokenUrl").asText()).isEqualTo("https://auth.example.org/realms/cpd/protocol/openid-connect/token");
        assertThat(doc.at("/paths/~1api~1v1~1goals/get/security").toString())
                .isEqualTo("[{\"SecurityScheme\":[\"practitioner\"]},{\"PortalLogin\":[]}]");
        assertThat(doc.at("/paths/~1api~1v1~1openapi.json/get").has("security")).as("open operations stay open").isFalse();
    }

    @Test
    void theServedDocumentNamesTheGatewayAfterInfoAndLeavesTheCachedOneAlone() throws Exception {
        ObjectNode cached = document();
        ObjectNode served = MergedOpenApi.withServer(cached, "https://api.example.org");

        assertThat(served.fieldNames()).toIterable().containsExactly("openapi", "info", "servers", "paths", "components");
        assertThat(served.at("/servers/0/url").asText()).isEqualTo("https://api.example.org");
        assertThat(served.at("/servers/0/x-internal").asBoolean(true)).isFalse();
        assertThat(cached.has("servers")).isFalse();
    }
}
