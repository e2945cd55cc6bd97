package org.cpd.commons.web.openapi;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Every property that is not required may be null. The services write null members rather than
 * leave them out (a page's last {@code nextCursor}, a goal's unset {@code stretch}), and a client
 * generated from the document must accept what they send; the members stay in the JSON so that
 * "absent" never has to be told apart from "null" (a merge patch gives null a meaning).
 * A nullable reference becomes {@code anyOf: [$ref, {type: "null"}]} (annotations such as the
 * description move to that wrapper), which generators read as a nullable type.
 */
final class NullableProperties {

    private NullableProperties() {
    }

    static void apply(OpenAPI openAPI) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Schemas.every(openAPI, (schema, place) -> {
            if (schema.getProperties() == null || !seen.add(schema)) {
                return;
            }
            Set<String> required = new HashSet<>(Schemas.nullSafe(schema.getRequired()));
            Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
            schema.setProperties(properties);
        });
    }

    static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema wrapper = OASFactory.createSchema();
            Map<String, Object> siblings = new LinkedHashMap<>(property.getAll());
            siblings.remove("$ref");
            // a structural sibling (the scanner's "type: string" beside a UUID's $ref) would refuse the null
            siblings.keySet().removeAll(RefSiblings.STRUCTURE);
            wrapper.setAll(siblings);
            wrapper.addAnyOf(OASFactory.createSchema().ref(property.getRef()));
            wrapper.addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            return wrapper;
        }
        if (property.getType() != null && !property.getType().isEmpty() && !Schemas.has(property, Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && property.getEnumeration().stream().noneMatch(java.util.Objects::isNull)) {
                property.addEnumeration(null); // an enum lists every allowed value, null included
            }
        }
        return property;
    }
}
