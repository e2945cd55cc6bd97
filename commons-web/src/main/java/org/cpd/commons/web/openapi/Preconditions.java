package org.cpd.commons.web.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * If-Match is required wherever an operation documents it: the server answers 428 without one
 * (commons-web ETags.requireMatch). ProblemResponsesFilter then adds the 412 and 428 responses.
 */
final class Preconditions {

    static final String IF_MATCH = "If-Match";

    private Preconditions() {
    }

    static void apply(OpenAPI openAPI) {
        Schemas.operations(openAPI, (path, method, operation) -> {
            for (Parameter parameter : Schemas.nullSafe(operation.getParameters())) {
                if (isIfMatch(parameter)) {
                    parameter.setRequired(true);
                }
            }
        });
    }

    static boolean isIfMatch(Parameter parameter) {
        return parameter.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(parameter.getName());
    }

    static boolean hasIfMatch(org.eclipse.microprofile.openapi.models.Operation operation) {
        return Schemas.nullSafe(operation.getParameters()).stream().anyMatch(Preconditions::isIfMatch);
    }
}
