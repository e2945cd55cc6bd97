package org.cpd.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The committed OpenAPI 3.1 document in the OpenAPI 3.0 form the response validator reads.
 * swagger-request-validator 2.x validates with a JSON Schema draft-04 engine and reads a 3.1
 * document's {@code type: [string, "null"]} as no type at all, so without this every nullable
 * member (and every header and parameter type) would go unchecked. The 3.1 forms
 * ApiContractFilter writes map one to one: a type list with "null" becomes the type with
 * {@code nullable: true}; {@code anyOf: [X, {type: "null"}]} stays (draft-04 has the null type);
 * schema {@code examples} (documentation only) are left out.
 * ResponseValidationTest proves that nulls, types and enums are still refused where undeclared.
 */
final class AsOpenApi30 {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private AsOpenApi30() {
    }

    static String of(Path document) {
        try {
            ObjectNode root = (ObjectNode) YAML.readTree(document.toFile());
            root.put("openapi", "3.0.3");
            rewrite(root);
            return new ObjectMapper().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(AsOpenApi30::rewrite);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            rewrite(object.get(name));
        }
        if (object.get("examples") instanceof ArrayNode) {
            object.remove("examples"); // a schema's examples; a media type's or parameter's are a map
        }
        if (object.get("type") instanceof ArrayNode types) {
            ArrayNode others = types.deepCopy();
            boolean nullable = removeNull(others);
            if (others.size() == 1) {
                object.set("type", others.get(0));
            } else {
                object.set("type", others);
            }
            if (nullable) {
                object.put("nullable", true);
            }
        }
    }

    private static boolean removeNull(ArrayNode types) {
        boolean found = false;
        for (Iterator<JsonNode> it = types.elements(); it.hasNext(); ) {
            if (it.next().asText().equals("null")) {
                it.remove();
                found = true;
            }
        }
        return found;
    }
}
