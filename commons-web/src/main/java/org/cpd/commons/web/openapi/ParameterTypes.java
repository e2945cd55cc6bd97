package org.cpd.commons.web.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Gives a type to parameter schemas that have only a format or bounds: paging parameters are read
 * as text by the server (so a bad one is a 400 naming it) and the scanner then infers no type,
 * but {@code limit} is a whole number and {@code updatedSince} an instant.
 */
final class ParameterTypes {

    private ParameterTypes() {
    }

    static void apply(OpenAPI openAPI) {
        Schemas.operations(openAPI, (path, method, operation) -> {
            for (Parameter parameter : Schemas.nullSafe(operation.getParameters())) {
                Schema schema = parameter.getSchema();
                if (schema == null || schema.getRef() != null || (schema.getType() != null && !schema.getType().isEmpty())) {
                    continue;
                }
                if (schema.getFormat() != null) {
                    schema.addType(Schema.SchemaType.STRING);
                } else if (schema.getMinimum() != null || schema.getMaximum() != null) {
                    schema.addType(Schema.SchemaType.INTEGER);
                    schema.setFormat("int32");
                } else {
                    schema.addType(Schema.SchemaType.STRING);
                }
            }
        });
    }
}
