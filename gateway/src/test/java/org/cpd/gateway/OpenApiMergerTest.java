package org.cpd.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpd.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(String s) throws Exception {
        return mapper.readTree(s.replace('\'', '"'));
    }

    @Test
    void renamesClashingSecuritySchemesAndTheRequirementsThatNameThem() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("a", json("{'paths':{'/a':{'get':{'security':[{'Auth':[]}]}}},"
                + "'components':{'securitySchemes':{'Auth':{'type':'http','scheme':'bearer'}}}}"));
        docs.put("b", json("{'paths':{'/b':{'get':{'security':[{'Auth':[]}]}}},"
                + "'components':{'securitySchemes':{'Auth':{'type':'apiKey','in':'header','name':'K'}}}}"));

        ObjectNode merged = OpenApiMerger.merge(docs, Map.of(), mapper.createObjectNode(), null);

        assertThat(merged.at("/components/securitySchemes").has("a_Auth")).isTrue();
        assertThat(merged.at("/components/securitySchemes").has("b_Auth")).isTrue();
        assertThat(merged.at("/paths/~1b/get/security/0").has("b_Auth")).isTrue();
    }

    @Test
    void keepsTheFirstOwnerOfAPathPublishedTwiceAndWarns() throws Exception {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        docs.put("a", json("{'paths':{'/x':{'get':{'operationId':'fromA'}}}}"));
        docs.put("b", json("{'paths':{'/x':{'get':{'operationId':'fromB'}}}}"));

        ObjectNode merged = OpenApiMerger.merge(docs, Map.of(), mapper.createObjectNode(), null);

        assertThat(merged.at("/paths/~1x/get/operationId").asText()).isEqualTo("fromA");
        assertThat(merged.get("x-cpd-warnings").toString()).contains("/x").contains("a").contains("b");
    }
}
