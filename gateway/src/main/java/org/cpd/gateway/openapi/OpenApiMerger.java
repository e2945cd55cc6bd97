package org.cpd.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into one. Components with the same name and the same content
 * (e.g. the shared Problem schema) are kept once; same name with different content is renamed to
 * {@code <service>_<Name>} in every service that has it, and that service's {@code $ref}s follow.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The name the gateway's own document is merged under; its paths win. */
    public static final String GATEWAY = "gateway";
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerger() {
    }

    /**
     * @param documents service name → its OpenAPI document, in the order they should appear
     * @param missing   services whose document could not be fetched
     */
    public static ObjectNode merge(Map<String, JsonNode> documents, Map<String, String> missing, ObjectNode info,
                                   String serverUrl) {
        List<String> warnings = new ArrayList<>();
        Map<String, Map<String, String>> renames = planRenames(documents); // service -> "section/name" -> new name

        ObjectNode merged = F.objectNode();
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("3.1.0"));
        merged.set("info", info);
        if (serverUrl != null) {
            merged.putArray("servers").addObject().put("url", serverUrl);
        }
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = F.objectNode();
        ArrayNode tags = F.arrayNode();
        Set<String> tagNames = new HashSet<>();
        Map<String, String> pathOwner = new HashMap<>();
        ObjectNode services = F.objectNode();

        for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
            String service = e.getKey();
            JsonNode doc = e.getValue().deepCopy();
            rewriteRefs(doc, renames.getOrDefault(service, Map.of()));
            services.put(service, "included");

            doc.path("paths").fields().forEachRemaining(p -> {
                if (!GATEWAY.equals(service) && underGatewaySegment(p.getKey())) {
                    // the gateway serves its segments itself and routes none of them to a service (ProxyRoutes):
                    // a service's path there (e.g. its part of /api/v1/privacy/subjects/{id}/erasure) is not public
                    return;
                }
                String owner = pathOwner.putIfAbsent(p.getKey(), service);
                if (owner == null) {
                    paths.set(p.getKey(), p.getValue());
                } else if (!GATEWAY.equals(owner)) {
                    // a path the gateway publishes is the gateway's (it composes the services' parts, e.g.
                    // /api/v1/audit); only two services publishing one path is a mistake worth a warning
                    warnings.add("Path " + p.getKey() + " is published by both " + owner + " and " + service
                            + "; kept " + owner + "'s.");
                }
            });
            doc.path("components").fields().forEachRemaining(section -> {
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().fields().forEachRemaining(c -> {
                    String newName = renames.getOrDefault(service, Map.of())
                            .getOrDefault(section.getKey() + "/" + c.getKey(), c.getKey());
                    if (!target.has(newName)) {
                        target.set(newName, c.getValue());
                    }
                });
            });
            for (JsonNode tag : doc.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        missing.forEach((service, why) -> {
            services.put(service, "unavailable");
            warnings.add("The " + service + " service's document is missing (" + why + "); its paths are not listed.");
        });
        dropUnreferencedSchemas(paths, components);
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        merged.set("x-cpd-services", services);
        ArrayNode w = merged.putArray("x-cpd-warnings");
        warnings.forEach(w::add);
        return merged;
    }

    /**
     * Schemas used only by a service path the gateway answers itself (e.g. the services' audit page) have no
     * operation left in the merged document: they go, so the document lists what clients can call.
     */
    private static void dropUnreferencedSchemas(ObjectNode paths, ObjectNode components) {
        JsonNode schemas = components.get("schemas");
        if (schemas == null || !schemas.isObject()) {
            return;
        }
        Set<String> used = new HashSet<>();
        List<JsonNode> toVisit = new ArrayList<>();
        toVisit.add(paths);
        components.fields().forEachRemaining(section -> {
            if (!section.getKey().equals("schemas")) {
                toVisit.add(section.getValue());
            }
        });
        while (!toVisit.isEmpty()) {
            JsonNode node = toVisit.remove(toVisit.size() - 1);
            List<String> refs = new ArrayList<>();
            collectSchemaRefs(node, refs);
            for (String name : refs) {
                if (used.add(name) && schemas.has(name)) {
                    toVisit.add(schemas.get(name));
                }
            }
        }
        List<String> unused = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(name -> {
            if (!used.contains(name)) {
                unused.add(name);
            }
        });
        ((ObjectNode) schemas).remove(unused);
    }

    private static void collectSchemaRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                refs.add(ref.asText().substring(SCHEMA_REF.length()));
            }
            node.elements().forEachRemaining(child -> collectSchemaRefs(child, refs));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectSchemaRefs(child, refs));
        }
    }

    private static Map<String, Map<String, String>> planRenames(Map<String, JsonNode> documents) {
        // section/name -> service -> content
        Map<String, Map<String, JsonNode>> seen = new LinkedHashMap<>();
        documents.forEach((service, doc) -> doc.path("components").fields().forEachRemaining(section ->
                section.getValue().fields().forEachRemaining(c -> seen
                        .computeIfAbsent(section.getKey() + "/" + c.getKey(), k -> new LinkedHashMap<>())
                        .put(service, c.getValue()))));
        Map<String, Map<String, String>> renames = new HashMap<>();
        seen.forEach((key, byService) -> {
            if (new HashSet<>(byService.values()).size() > 1) {
                String name = key.substring(key.indexOf('/') + 1);
                byService.keySet().forEach(service -> renames.computeIfAbsent(service, s -> new HashMap<>())
                        .put(key, service + "_" + name));
            }
        });
        return renames;
    }

    /** Points every {@code $ref} (and security requirement) of one service at its renamed components. */
    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                String key = ref.asText().substring("#/components/".length());
                String renamed = renames.get(key);
                if (renamed != null) {
                    object.put("$ref", "#/components/" + key.substring(0, key.indexOf('/') + 1) + renamed);
                }
            }
            JsonNode security = object.get("security");
            if (security != null && security.isArray()) {
                for (JsonNode requirement : security) {
                    if (requirement.isObject()) {
                        renameKeys((ObjectNode) requirement, renames);
                    }
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void renameKeys(ObjectNode requirement, Map<String, String> renames) {
        List<String> names = new ArrayList<>();
        requirement.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            String renamed = renames.get("securitySchemes/" + name);
            if (renamed != null) {
                requirement.set(renamed, requirement.remove(name));
            }
        }
    }


    private static boolean underGatewaySegment(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        return org.cpd.gateway.routing.RouteTable.GATEWAY_SEGMENTS.contains(slash < 0 ? rest : rest.substring(0, slash));
    }
}
