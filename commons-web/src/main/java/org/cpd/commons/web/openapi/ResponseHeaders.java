package org.cpd.commons.web.openapi;

import java.math.BigDecimal;
import java.util.Map;
import org.cpd.commons.web.RequestIds;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Declares the headers responses carry, as shared components:
 * {@code X-Request-Id} on every response (commons-web RequestIds), {@code Location} on 201,
 * {@code ETag} on the representations of versioned resources, {@code Link: rel="next"} on pages,
 * and the gateway's {@code RateLimit-*} and CORS {@code Access-Control-Allow-Origin} on every
 * response, with {@code Retry-After} on 429. Only the components some response uses are declared.
 */
final class ResponseHeaders {

    static final String REQUEST_ID = RequestIds.HEADER;
    static final String LOCATION = "Location";
    static final String ETAG = "ETag";
    static final String LINK = "Link";
    static final String RETRY_AFTER = "Retry-After";
    static final String[] RATE_LIMIT = {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"};
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    private ResponseHeaders() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        declareComponents(openAPI.getComponents());
        Schemas.operations(openAPI, (path, method, operation) -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            boolean versioned = path.endsWith("}") || Preconditions.hasIfMatch(operation);
            for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
                String code = entry.getKey();
                APIResponse response = entry.getValue();
                use(response, REQUEST_ID);
                for (String name : RATE_LIMIT) {
                    use(response, name);
                }
                use(response, RATE_LIMIT_POLICY);
                use(response, ALLOW_ORIGIN);
                if (code.equals("429")) {
                    use(response, RETRY_AFTER);
                }
                if (code.equals("201")) {
                    use(response, LOCATION);
                }
                boolean success = code.startsWith("2") && response.getContent() != null;
                if (success && isPage(response)) {
                    use(response, LINK);
                } else if (success && (versioned || code.equals("201"))) {
                    use(response, ETAG);
                }
            }
        });
        dropUnused(openAPI);
    }

    private static boolean isPage(APIResponse response) {
        MediaType json = response.getContent().getMediaType("application/json");
        return json != null && json.getSchema() != null && json.getSchema().getRef() != null
                && json.getSchema().getRef().startsWith(Schemas.ref(PageSchemas.PREFIX));
    }

    private static void use(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + name));
        }
    }

    /** A declared header no response refers to (a document without 201s has no Location) goes. */
    private static void dropUnused(OpenAPI openAPI) {
        java.util.Set<String> used = new java.util.HashSet<>();
        Schemas.operations(openAPI, (path, method, operation) -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    for (Header header : Schemas.nullSafe(response.getHeaders()).values()) {
                        if (header.getRef() != null) {
                            used.add(header.getRef().substring(header.getRef().lastIndexOf('/') + 1));
                        }
                    }
                }
            }
        });
        for (String name : java.util.List.of(REQUEST_ID, LOCATION, ETAG, LINK, RETRY_AFTER, RATE_LIMIT_POLICY, ALLOW_ORIGIN,
                RATE_LIMIT[0], RATE_LIMIT[1], RATE_LIMIT[2])) {
            if (!used.contains(name) && openAPI.getComponents().getHeaders() != null
                    && openAPI.getComponents().getHeaders().containsKey(name)) {
                openAPI.getComponents().removeHeader(name);
            }
        }
    }

    private static void declareComponents(Components components) {
        add(components, REQUEST_ID, true, "The request's id (the one sent, or a new one): quote it when reporting a problem.",
                string(128).pattern("^[A-Za-z0-9._:-]{1,128}$"));
        add(components, LOCATION, true, "The URL of the created resource.", string(Limits.URL_LENGTH).format("uri-reference"));
        add(components, ETAG, false, "The version of the representation; send it back as If-Match to change it.",
                string(128).pattern("^(W/)?\"[^\"]*\"$")); // a quoted SHA-256 (attachments) is 66
        add(components, LINK, false, "`<url>; rel=\"next\"` when there is a next page (the same URL as `nextCursor` gives).",
                string(Limits.URL_LENGTH + 64));
        add(components, "RateLimit-Limit", false, "Requests allowed in a burst (set by the gateway).", count());
        add(components, "RateLimit-Remaining", false, "Requests left in the current window (set by the gateway).", count());
        add(components, "RateLimit-Reset", false, "Seconds until the window is full again (set by the gateway).", count());
        add(components, RATE_LIMIT_POLICY, false, "The limit as `<burst>;w=<seconds>` (set by the gateway).",
                string(64).pattern("^[0-9]+;w=[0-9]+$"));
        add(components, RETRY_AFTER, true, "Seconds to wait before retrying.", count());
        add(components, ALLOW_ORIGIN, false, "The portal origin allowed to read the response, when the request came from "
                + "one (CORS, answered by the gateway: quarkus.http.cors.origins).", string(Limits.URL_LENGTH).format("uri"));
    }

    private static void add(Components components, String name, boolean required, String description, Schema schema) {
        if (components.getHeaders() != null && components.getHeaders().containsKey(name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description).schema(schema);
        if (required) {
            header.setRequired(true);
        }
        components.addHeader(name, header);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema count() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Integer.MAX_VALUE));
    }
}
