package org.cpd.directory.rest;

import org.cpd.commons.web.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.PartnershipDtos.PartnershipInput;
import org.cpd.directory.rest.dto.PartnershipDtos.PartnershipView;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.service.OrganisationStructureService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/partnerships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partnerships", description = "ITE and regional CPD partnerships")
public class PartnershipResource {

    @Inject
    OrganisationStructureService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "createPartnership", summary = "Create a partnership",
            description = "Partnership admins only. Publishes partnership-created.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            schema = @Schema(implementation = PartnershipView.class),
            examples = @ExampleObject(name = "partnership", value = Examples.PARTNERSHIP)))
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                           @NotNull @Valid PartnershipInput input) {
        return idempotency.create("partnerships.create", key, input, () -> {
            Partnership p = service.createPartnership(input.details());
            return Responses.created(uriInfo, "partnerships", p.id, p, PartnershipView.from(p));
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getPartnership", summary = "Read a partnership", description = "Its ETag is the version to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The partnership, with its ETag", content = @Content(
            schema = @Schema(implementation = PartnershipView.class),
            examples = @ExampleObject(name = "partnership", value = Examples.PARTNERSHIP)))
    public Response get(@PathParam("id") UUID id) {
        Partnership p = service.partnership(id);
        return Responses.ok(p, PartnershipView.from(p));
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listPartnerships", summary = "List partnerships", description = "Cursor-paged, oldest change first.")
    @APIResponse(responseCode = "200", description = "A page of partnerships", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.PARTNERSHIP_PAGE)))
    public Response list(@BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, service.partnerships(page), PartnershipView::from);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "updatePartnership", summary = "Change a partnership",
            description = "Admins of this partnership only; requires If-Match. Publishes partnership-updated.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = PartnershipView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PartnershipInput input) {
        Partnership p = service.updatePartnership(id, ifMatch, input.details());
        return Responses.ok(p, PartnershipView.from(p));
    }
}
