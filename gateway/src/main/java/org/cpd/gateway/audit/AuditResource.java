package org.cpd.gateway.audit;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.cpd.commons.web.audit.AuditFilters;
import org.cpd.gateway.routing.CallerResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who read or changed protected data (append-only)")
@Authenticated
public class AuditResource extends CallerResource {

    @Inject
    AuditComposer composer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "listAuditEntries", summary = "Read the audit",
            description = "Every service's audit entries the caller may read, merged oldest first by time, cursor-paged. "
                    + "A partnership admin reads their partnerships' entries (filter by subject, actor, resourceType, "
                    + "action, from/to); `subject=me` gives anyone the entries about their own records: who read my "
                    + "confidential notes, my private evidence, my record. Any other caller (a school lead, an MIS client) "
                    + "gets an empty page. Each service answers with the caller's own token; one that cannot answer in "
                    + "time is listed in `unavailable` and the cursor keeps its place. To follow the audit (a SIEM), page "
                    + "with the cursor until `nextCursor` is null, then resume with `updatedSince` a few minutes before the "
                    + "last entry seen, skipping (service, sequence) pairs already seen. Reading the audit is not itself "
                    + "audited.")
    @APIResponse(responseCode = "200", description = "A page of the merged audit (possibly with unavailable services).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditFeed.class),
                    examples = @ExampleObject(name = "goalsDown", value = """
                            {"items":[{"service":"relationships-service","sequence":1042,
                              "occurredAt":"2026-11-30T09:15:02.123456Z","actor":"lead.demo",
                              "actorPractitionerId":"30000000-0000-4000-8000-000000000001","clientId":"cpd-portal",
                              "action":"read","resourceType":"conversation","resourceId":"50000000-0000-4000-8000-000000000007",
                              "subjectPersonId":"30000000-0000-4000-8000-000000000003",
                              "partnershipIds":["10000000-0000-4000-8000-000000000001"],"reason":null,
                              "details":"without confidential notes","requestId":"req-4711"}],
                             "nextCursor":"eyJkaXJlY3RvcnkiOnsiY3Vyc29yIjpudWxsLCJza2lwIjowLCJkb25lIjp0cnVlfX0",
                             "unavailable":[{"service":"goals","status":null,"reason":"timeout"}]}""")))
    @APIResponse(responseCode = "400", description = "A filter, the limit or the cursor is not valid.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    public Uni<AuditFeed> list(@BeanParam AuditFilters filters,
                               @Parameter(description = "Page size, 1 to 200 (default 50).",
                                       schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER,
                                               minimum = "1", maximum = "200", defaultValue = "50"))
                               @QueryParam("limit") String limit,
                               @Parameter(description = "Opaque cursor from the previous page's `nextCursor`.",
                                       schema = @Schema(maxLength = CompositeCursor.MAX_LENGTH))
                               @QueryParam("cursor") String cursor,
                               @Parameter(description = "Only entries at or after this instant (ISO-8601), for following the audit.",
                                       schema = @Schema(format = "date-time"))
                               @QueryParam("updatedSince") String updatedSince) {
        filters.check(); // bad input is refused here, before any service is asked
        Map<String, String> given = filters.given();
        if (updatedSince != null && !updatedSince.isBlank()) {
            given.put("updatedSince", updatedSince);
        }
        return composer.compose(given, limit, cursor, bearer(), requestId());
    }
}
