package org.cpd.commons.audit.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cpd.commons.audit.AuditEntry;
import org.cpd.commons.audit.AuditTrail;
import org.cpd.commons.web.audit.AuditEntryView;
import org.cpd.commons.web.audit.AuditFilters;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.web.paging.PageResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's own audit entries, one resource for every service (the query is commons' {@link AuditTrail});
 * the gateway merges the three services' pages into the one {@code /api/v1/audit} clients call.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed protected data (append-only)")
@Authenticated
public class AuditResource {

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String service;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit",
            description = "This service's audit entries the caller may read, oldest first in (occurredAt, sequence) order, "
                    + "cursor-paged. A partnership admin reads their partnerships' entries; `subject=me` gives anyone the "
                    + "entries about their own records (who read my notes, my private evidence); any other caller gets an "
                    + "empty page. To follow the audit (a SIEM), page with the cursor, and resume with `updatedSince` set a "
                    + "few minutes before the last entry seen, skipping sequences already seen: an entry becomes visible "
                    + "when its request's transaction commits. Reading the audit is not itself audited.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class),
                    examples = @ExampleObject(name = "page", value = AuditExamples.PAGE)))
    public Response list(@BeanParam PageRequest page, @BeanParam AuditFilters filters) {
        AuditFilters.Checked checked = filters.check();
        return PageResponses.ok(uriInfo, trail.read(page, checked), this::view);
    }

    private AuditEntryView view(AuditEntry e) {
        return new AuditEntryView(service, e.id, e.occurredAt, e.actor, e.actorPractitionerId, e.clientId, e.action,
                e.resourceType, e.resourceId, e.subjectPersonId, List.of(e.partnershipIds), e.reason, e.details,
                e.requestId);
    }
}
