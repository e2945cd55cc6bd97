package org.cpd.commons.web.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Walks every schema of a document, and small helpers the contract steps share. */
final class Schemas {

    /** Where a schema is used: its bound on the wire differs (a query string is shorter than a body). */
    enum Place { BODY, QUERY_OR_PATH, HEADER }

    private Schemas() {
    }

    static String ref(String component) {
        return "#/components/schemas/" + component;
    }

    static Schema refTo(String component) {
        return OASFactory.createSchema().ref(ref(component));
    }

    static boolean has(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }

    /** True when the schema is only a {@code $ref}, nothing beside it. */
    static boolean isBareRef(Schema schema) {
        return schema.getRef() != null && schema.getAll().size() == 1;
    }

    /** Every operation under /api/, with its path. */
    static void operations(OpenAPI openAPI, OperationVisitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/") || path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                visitor.visit(path.getKey(), op.getKey(), op.getValue());
            }
        }
    }

    @FunctionalInterface
    interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    /** Calls the visitor for every schema of the document, nested ones included, parents first. */
    static void every(OpenAPI openAPI, BiConsumer<Schema, Place> visitor) {
        if (openAPI.getComponents() != null) {
            nullSafe(openAPI.getComponents().getSchemas()).values().forEach(s -> walk(s, Place.BODY, visitor));
            nullSafe(openAPI.getComponents().getHeaders()).values().forEach(h -> header(h, visitor));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            parameters(item.getParameters(), visitor);
            for (Operation op : nullSafe(item.getOperations()).values()) {
                parameters(op.getParameters(), visitor);
                if (op.getRequestBody() != null) {
                    content(op.getRequestBody().getContent(), visitor);
                }
                if (op.getResponses() != null) {
                    for (APIResponse response : nullSafe(op.getResponses().getAPIResponses()).values()) {
                        content(response.getContent(), visitor);
                        nullSafe(response.getHeaders()).values().forEach(h -> header(h, visitor));
                    }
                }
            }
        }
    }

    private static void parameters(List<Parameter> parameters, BiConsumer<Schema, Place> visitor) {
        if (parameters == null) {
            return;
        }
        for (Parameter p : parameters) {
            if (p.getSchema() != null) {
                walk(p.getSchema(), p.getIn() == Parameter.In.HEADER ? Place.HEADER : Place.QUERY_OR_PATH, visitor);
            }
        }
    }

    private static void header(Header header, BiConsumer<Schema, Place> visitor) {
        if (header.getSchema() != null) {
            walk(header.getSchema(), Place.HEADER, visitor);
        }
    }

    private static void content(Content content, BiConsumer<Schema, Place> visitor) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            if (mediaType.getSchema() != null) {
                walk(mediaType.getSchema(), Place.BODY, visitor);
            }
        }
    }

    static void walk(Schema schema, Place place, BiConsumer<Schema, Place> visitor) {
        visitor.accept(schema, place);
        List<Schema> children = new ArrayList<>();
        children.addAll(nullSafe(schema.getProperties()).values());
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            children.add(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> group : List.of(nullSafe(schema.getAllOf()), nullSafe(schema.getAnyOf()), nullSafe(schema.getOneOf()))) {
            children.addAll(group);
        }
        if (schema.getNot() != null) {
            children.add(schema.getNot());
        }
        for (Schema child : children) {
            walk(child, place, visitor);
        }
    }

    static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? new LinkedHashMap<>() : map;
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
