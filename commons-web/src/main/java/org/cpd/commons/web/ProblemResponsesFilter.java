package org.cpd.commons.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem responses every operation can give, once, so each resource declares
 * only its own success responses and the problems particular to it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

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
                add(responses, "400", "Bad input: each bad field is listed in `errors`.");
                add(responses, "401", "No valid bearer token.");
                add(responses, "403", "The caller's role does not allow this.");
                if (hasPathParameter) {
                    add(responses, "404", "Not found, or not visible to the caller.");
                }
                if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
                    add(responses, "409", "Conflicts with the current state or a rule.");
                }
                if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                    add(responses, "412", "If-Match does not name the current version.");
                    add(responses, "428", "If-Match is required.");
                }
                if (method == PathItem.HttpMethod.POST) {
                    add(responses, "422", "Idempotency-Key reused with a different body, or a rule refused the request.");
                }
                add(responses, "500", "Unexpected failure (no details are given; quote the requestId).");
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
    }
}
