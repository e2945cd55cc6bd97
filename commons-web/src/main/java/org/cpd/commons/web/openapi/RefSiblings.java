package org.cpd.commons.web.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * No {@code $ref} keeps sibling keywords: OpenAPI 3.0 ignores them and generators drop what the
 * referenced schema says (an upload's {@code required: file}). Siblings that only repeat the
 * referenced schema's structure are dropped; annotations (description, default, ...) stay on an
 * {@code allOf: [$ref]} wrapper.
 */
final class RefSiblings {

    /** Keywords the scanner copies from the referenced type itself. */
    static final Set<String> STRUCTURE = Set.of("type", "properties", "required", "items",
            "additionalProperties", "format", "enum");

    private RefSiblings() {
    }

    static void apply(OpenAPI openAPI) {
        Schemas.every(openAPI, (schema, place) -> {
            if (schema.getRef() == null || Schemas.isBareRef(schema)) {
                return;
            }
            String ref = schema.getRef();
            Map<String, Object> siblings = new LinkedHashMap<>(schema.getAll());
            siblings.remove("$ref");
            siblings.keySet().removeAll(STRUCTURE);
            if (siblings.isEmpty()) {
                schema.setAll(Map.of());
                schema.setRef(ref);
                return;
            }
            schema.setAll(siblings);
            schema.addAllOf(OASFactory.createSchema().ref(ref));
        });
    }
}
