package org.cpd.gateway.insight;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpd.commons.web.Problems;
import org.cpd.gateway.routing.CallerResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/insight")
@Tag(name = "insight", description = "Partnership and school insight composed from the services (ADR 0041).")
@Authenticated
public class InsightResource extends CallerResource {

    static final String CSV = "text/csv";
    static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=UTF-8");
    static final MediaType HTML_UTF8 = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    InsightComposer composer;

    @GET
    @Path("partnerships/{id}")
    @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getPartnershipInsight", summary = "A partnership's insight view",
            description = """
                    The relationships, goals and supporters' load parts of a partnership's insight, fetched in parallel with the \
                    caller's token \
                    (for the partnership's admins; anyone else 404). Small numbers are suppressed by each service (ADR 0041). \
                    A part a service cannot give in time is null and listed in `unavailable`. `Accept: text/csv` or \
                    `format=csv` gives every table as one CSV (`part,table,row,measure,value,suppressed`); `Accept: text/html` or \
                    `format=html` the printable report, a bar chart per table (server-rendered SVG, no JavaScript).""")
    @APIResponse(responseCode = "200", description = "The view (possibly with unavailable parts).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InsightView.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A filter is not valid.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "404", description = "No such partnership that the caller may see.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    public Uni<Response> partnership(@Parameter(description = "The partnership id") @PathParam("id") String id,
                                     @Parameter(description = "Only this school (URN)") @QueryParam("school") String school,
                                     @Parameter(description = "Only this form of support",
                                             schema = @Schema(enumeration = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING"}))
                                     @QueryParam("form") String form,
                                     @Parameter(description = "From this day (ISO date)") @QueryParam("from") String from,
                                     @Parameter(description = "Until this day, inclusive (ISO date)") @QueryParam("to") String to,
                                     @Parameter(description = "`csv` or `html` whatever the Accept header",
                                             schema = @Schema(enumeration = {"json", "csv", "html"})) @QueryParam("format") String format,
                                     @Context HttpHeaders headers) {
        String as = representation(format, headers);
        return composer.partnership(id, filters(school, form, from, to), bearer(), requestId())
                .map(view -> render(view, as));
    }

    @GET
    @Path("schools/{idOrUrn}")
    @Produces({MediaType.APPLICATION_JSON, CSV, MediaType.TEXT_HTML})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getSchoolInsight", summary = "A school's insight view",
            description = """
                    The partnership view for one school, by URN or directory id (resolved through directory-service with the \
                    caller's token), for the school's leads and the admins of its partnership; anyone else 404. CSV and HTML as for \
                    the partnership view.""")
    @APIResponse(responseCode = "200", description = "The view (possibly with unavailable parts).",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InsightView.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A filter is not valid.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "404", description = "No such school that the caller may see.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    public Uni<Response> school(@Parameter(description = "The school's URN or directory id") @PathParam("idOrUrn") String idOrUrn,
                                @Parameter(description = "Only this form of support",
                                        schema = @Schema(enumeration = {"MENTORING", "SPECIALIST_COACHING", "CO_COACHING"}))
                                @QueryParam("form") String form,
                                @Parameter(description = "From this day (ISO date)") @QueryParam("from") String from,
                                @Parameter(description = "Until this day, inclusive (ISO date)") @QueryParam("to") String to,
                                @Parameter(description = "`csv` or `html` whatever the Accept header",
                                        schema = @Schema(enumeration = {"json", "csv", "html"})) @QueryParam("format") String format,
                                @Context HttpHeaders headers) {
        String as = representation(format, headers);
        return composer.school(idOrUrn, filters(null, form, from, to), bearer(), requestId())
                .map(view -> render(view, as));
    }

    private static Map<String, String> filters(String school, String form, String from, String to) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("school", school);
        filters.put("form", form);
        filters.put("from", from);
        filters.put("to", to);
        return filters;
    }

    /** {@code json}, {@code csv} or {@code html}: the format parameter, else the first of them the Accept header names. */
    static String representation(String format, HttpHeaders headers) {
        if (format != null) {
            if (!format.equals("json") && !format.equals("csv") && !format.equals("html")) {
                throw Problems.invalidField("format", "must be json, csv or html");
            }
            return format;
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isWildcardType()) {
                return "json";
            }
            if (m.getType().equals("application") && m.getSubtype().equals("json")) {
                return "json";
            }
            if (m.getType().equals("text") && m.getSubtype().equals("csv")) {
                return "csv";
            }
            if (m.getType().equals("text") && m.getSubtype().equals("html")) {
                return "html";
            }
        }
        return "json";
    }

    private static Response render(InsightView view, String as) {
        Response.ResponseBuilder response = switch (as) {
            case "csv" -> Response.ok(InsightCsv.of(view), CSV_UTF8)
                    .header("Content-Disposition", "attachment; filename=\"insight.csv\"");
            case "html" -> Response.ok(Templates.insightReport(InsightReport.of(view)).render(), HTML_UTF8);
            default -> Response.ok(view, MediaType.APPLICATION_JSON_TYPE);
        };
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
}
