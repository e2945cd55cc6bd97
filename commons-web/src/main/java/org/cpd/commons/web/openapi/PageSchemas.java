package org.cpd.commons.web.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * One generic page schema, {@code Page_<Item>} ({@code items} and a nullable {@code nextCursor}),
 * for every collection:
 * <ul>
 * <li>a service's own page records ({@code GoalPage}, ...) are replaced by it, so every list looks
 * the same to a generated client;</li>
 * <li>a list that returns a JAX-RS {@code Response} (a page with a {@code Link} header) has no schema
 * the scanner could see; its item schema is the one named for the collection's path
 * ({@code /support-offers} → {@code SupportOffer}), checked against the documented example.</li>
 * </ul>
 */
final class PageSchemas {

    static final String PREFIX = "Page_";
    /** The largest page a client may ask for (commons' PageRequest.MAX_LIMIT). */
    static final int MAX_ITEMS = 200;

    private PageSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Map<String, String> replaced = new HashMap<>();
        for (Map.Entry<String, Schema> entry : List.copyOf(schemas.entrySet())) {
            String item = pageItem(entry.getValue());
            if (item != null && !entry.getKey().startsWith(PREFIX)) {
                replaced.put(Schemas.ref(entry.getKey()), Schemas.ref(page(openAPI, item)));
                openAPI.getComponents().removeSchema(entry.getKey());
            }
        }
        Schemas.every(openAPI, (schema, place) -> {
            String to = schema.getRef() == null ? null : replaced.get(schema.getRef());
            if (to != null) {
                schema.setRef(to);
            }
        });
        Schemas.operations(openAPI, (path, method, operation) -> {
            if (method == PathItem.HttpMethod.GET) {
                typeUntypedPage(openAPI, path, operation);
            }
        });
    }

    /** The item schema of a schema shaped like a page (exactly items[$ref] and nextCursor), else null. */
    private static String pageItem(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null || properties.size() != 2 || !properties.containsKey("nextCursor")) {
            return null;
        }
        Schema items = properties.get("items");
        if (items == null || items.getItems() == null || items.getItems().getRef() == null) {
            return null;
        }
        String ref = items.getItems().getRef();
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Adds Page_<item> if missing; returns its name. */
    static String page(OpenAPI openAPI, String item) {
        String name = PREFIX + item;
        if (openAPI.getComponents().getSchemas().containsKey(name)) {
            return name;
        }
        Schema page = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One page of " + item + "; follow `nextCursor` (or `Link: rel=\"next\"`) until it is null.")
                .required(List.of("items", "nextCursor"))
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(Schemas.refTo(item)).maxItems(MAX_ITEMS))
                .addProperty("nextCursor", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addType(Schema.SchemaType.NULL).maxLength(Limits.CURSOR_LENGTH)
                        .description("The cursor of the next page; null on the last page."));
        openAPI.getComponents().addSchema(name, page);
        return name;
    }

    private static void typeUntypedPage(OpenAPI openAPI, String path, Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaType("application/json") == null) {
            return;
        }
        MediaType json = ok.getContent().getMediaType("application/json");
        if (json.getSchema() != null) {
            return;
        }
        List<Map<?, ?>> exampleItems = exampleItems(json);
        if (exampleItems == null) {
            return; // not a page: a bare array or no example to tell
        }
        for (String candidate : itemNames(path)) {
            Schema item = openAPI.getComponents().getSchemas().get(candidate);
            if (item != null && item.getProperties() != null && fits(exampleItems, item.getProperties().keySet())) {
                json.setSchema(Schemas.refTo(page(openAPI, candidate)));
                return;
            }
        }
    }

    /** The items of the documented example page, or null when the example is not a page. */
    private static List<Map<?, ?>> exampleItems(MediaType json) {
        if (json.getExamples() == null) {
            return null;
        }
        List<Map<?, ?>> items = new ArrayList<>();
        for (Example example : json.getExamples().values()) {
            Object value = example.getValue();
            if (value instanceof String text) {
                value = Json.parse(text);
            }
            if (!(value instanceof Map<?, ?> page) || !(page.get("items") instanceof List<?> list)) {
                return null;
            }
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    items.add(map);
                }
            }
        }
        return items;
    }

    private static boolean fits(List<Map<?, ?>> items, Set<String> properties) {
        for (Map<?, ?> item : items) {
            for (Object key : item.keySet()) {
                if (!properties.contains(String.valueOf(key))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Schema names a collection path's items may have: /support-offers → SupportOffers, SupportOffer. */
    static List<String> itemNames(String path) {
        String[] segments = path.split("/");
        String last = segments[segments.length - 1];
        if (last.startsWith("{")) {
            return List.of();
        }
        StringBuilder pascal = new StringBuilder();
        for (String word : last.split("-")) {
            if (!word.isEmpty()) {
                pascal.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        Set<String> names = new LinkedHashSet<>();
        String plural = pascal.toString();
        names.add(plural);
        if (plural.endsWith("s")) {
            names.add(plural.substring(0, plural.length() - 1));
        }
        return List.copyOf(names);
    }
}
