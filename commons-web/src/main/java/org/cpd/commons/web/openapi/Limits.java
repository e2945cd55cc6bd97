package org.cpd.commons.web.openapi;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Bounds on every string, array and integer, so a client (and a linter) knows what the server
 * accepts. Bean Validation's own bounds ({@code @Size}, {@code @Max}) stay; the rest get the bound
 * the transport already enforces: a JSON body is at most {@link #JSON_BODY} bytes (commons-web
 * BodySizeLimit), a request line at most {@link #REQUEST_LINE} characters and a header at most
 * {@link #HEADER} (the HTTP server's defaults), and an integer the range of its format.
 */
final class Limits {

    /** cpd.http.max-json-body's default. */
    static final int JSON_BODY = 1_048_576;
    /** quarkus.http.limits.max-initial-line-length's default: path and query together. */
    static final int REQUEST_LINE = 4_096;
    /** quarkus.http.limits.max-header-size's default. */
    static final int HEADER = 20_480;
    static final int URL_LENGTH = REQUEST_LINE;
    /** Cursors the server issues are base64url of "<instant>|<uuid>", well under this. */
    static final int CURSOR_LENGTH = 256;
    /** A binary part is bounded by the service's HTTP body limit, which is not known here. */
    static final int BINARY = Integer.MAX_VALUE;

    private Limits() {
    }

    static void apply(OpenAPI openAPI) {
        Schemas.every(openAPI, (schema, place) -> {
            if (Schemas.has(schema, Schema.SchemaType.STRING)) {
                string(schema, place);
            }
            if (Schemas.has(schema, Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
                // each element takes at least two characters ("x," or "a=x&")
                schema.setMaxItems((place == Schemas.Place.BODY ? JSON_BODY : REQUEST_LINE) / 2);
            }
            if (Schemas.has(schema, Schema.SchemaType.INTEGER)) {
                integer(schema);
            }
        });
    }

    private static void string(Schema schema, Schemas.Place place) {
        if (schema.getMaxLength() != null || schema.getEnumeration() != null || schema.getConstValue() != null) {
            return;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        schema.setMaxLength(switch (format) {
            case "uuid" -> 36;
            case "date" -> 10;
            case "date-time" -> 64;
            case "binary" -> BINARY;
            default -> switch (place) {
                case BODY -> JSON_BODY;
                case QUERY_OR_PATH -> REQUEST_LINE;
                case HEADER -> HEADER;
            };
        });
    }

    private static void integer(Schema schema) {
        boolean int32 = "int32".equals(schema.getFormat());
        if (schema.getFormat() == null) {
            schema.setFormat("int64");
        }
        if (schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
            schema.setMinimum(BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
        if (schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
            schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
        }
    }
}
