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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.SchoolDtos.OrganisationInput;
import org.cpd.directory.rest.dto.SchoolDtos.OrganisationView;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.service.OrganisationStructureService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Universities, consultancies and other bodies specialist coaches come from")
public class OrganisationResource {

    @Inject
    OrganisationStructureService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "registerOrganisation", summary = "Register an organisation",
            description = "Admins of every partnership named. Publishes organisation-registered.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            schema = @Schema(implementation = OrganisationView.class),
            examples = @ExampleObject(name = "organisation", value = Examples.ORGANISATION)))
    public Response register(@Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                             @NotNull @Valid OrganisationInput input) {
        return idempotency.create("organisations.register", key, input, () -> {
            Organisation o = service.registerOrganisation(input.details());
            return Responses.created(uriInfo, "organisations", o.id, o, OrganisationView.from(o));
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getOrganisation", summary = "Read an organisation", description = "Its ETag is the version to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The organisation, with its ETag", content = @Content(
            schema = @Schema(implementation = OrganisationView.class),
            examples = @ExampleObject(name = "organisation", value = Examples.ORGANISATION)))
    public Response get(@PathParam("id") UUID id) {
        Organisation o = service.organisation(id);
        return Responses.ok(o, OrganisationView.from(o));
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listOrganisations", summary = "List organisations", description = "Cursor-paged, oldest change first.")
    @APIResponse(responseCode = "200", description = "A page of organisations", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.ORGANISATION_PAGE)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "Only those working with this partnership") @QueryParam("partnershipId") UUID partnershipId) {
        return PageResponses.ok(uriInfo, service.organisations(page, partnershipId), OrganisationView::from);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "updateOrganisation", summary = "Change an organisation",
            description = "Admins of one of its partnerships, and of every partnership added or removed; requires If-Match. "
                    + "Publishes organisation-updated.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid OrganisationInput input) {
        Organisation o = service.updateOrganisation(id, ifMatch, input.details());
        return Responses.ok(o, OrganisationView.from(o));
    }
}
