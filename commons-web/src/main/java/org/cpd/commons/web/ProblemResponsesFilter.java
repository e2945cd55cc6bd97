package org.cpd.commons.web;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, once, so each resource declares
 * only its own success responses and the problems particular to it. Every error response carries
 * the Problem schema, including those a resource declared with a description only. Run by
 * {@link org.cpd.commons.web.openapi.ApiContractFilter}, after If-Match is made required.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Descriptions the scanner writes for security responses; replaced by what the problem says. */
    private static final Set<String> SCANNER_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasPathParameter = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                PathItem.HttpMethod method = entry.getKey();
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean answersWithBody = responses.getAPIResponses() != null && responses.getAPIResponses().entrySet()
                        .stream().anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null);
                add(responses, "400", "Bad input: each bad field is listed in `errors`.");
                add(responses, "401", "No valid bearer token.");
                add(responses, "403", "The caller's role does not allow this.");
                if (hasPathParameter) {
                    add(responses, "404", "Not found, or not visible to the caller.");
                }
                if (answersWithBody) {
                    add(responses, "406", "The Accept header names no representation this operation has.");
                }
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
                    add(responses, "409", "Conflicts with the current state or a rule.");
                }
                if (hasIfMatch(operation)) {
                    add(responses, "412", "If-Match does not name the current version: read it again.");
                    add(responses, "428", "If-Match is required: send the ETag you read.");
                }
                if (operation.getRequestBody() != null) {
                    add(responses, "413", "The body is larger than this operation accepts.");
                }
                // the resources consume JSON at class level, so a bodiless POST with another Content-Type gets 415 too
                if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
                        || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                    add(responses, "415", "The Content-Type is not one this operation reads.");
                }
                if (method == PathItem.HttpMethod.POST) {
                    add(responses, "422", "Idempotency-Key reused with a different body, or a rule refused the request.");
                }
                add(responses, "429", "Too many requests from this client and caller (the gateway's rate limit): wait Retry-After seconds.");
                add(responses, "500", "Unexpected failure (no details are given; quote the requestId).");
                // an error response an endpoint declares itself (a 404 of a query parameter) is a problem too
                for (Map.Entry<String, APIResponse> declared : responses.getAPIResponses().entrySet()) {
                    if (declared.getKey().startsWith("4") || declared.getKey().startsWith("5")) {
                        add(responses, declared.getKey(), declared.getValue().getDescription());
                    }
                }
            }
        }
    }

    private static boolean hasIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    private static void add(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null) {
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.setContent(problemContent());
            } else {
                MediaType declared = existing.getContent().getMediaType(Problem.MEDIA_TYPE);
                if (declared != null && declared.getSchema() == null) {
                    declared.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
                }
            }
            if (existing.getDescription() == null || SCANNER_DESCRIPTIONS.contains(existing.getDescription())) {
                existing.setDescription(description);
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
    }
}
