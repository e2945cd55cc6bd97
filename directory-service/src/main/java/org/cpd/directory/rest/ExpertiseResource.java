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
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.OfferDtos.ExpertiseInput;
import org.cpd.directory.rest.dto.OfferDtos.ExpertiseView;
import org.cpd.directory.domain.Expertise;
import org.cpd.directory.domain.ExpertiseCategory;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.service.ExpertiseService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/expertise")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Expertise taxonomy", description = "The managed list of specialist expertise offers and needs refer to")
public class ExpertiseResource {

    @Inject
    ExpertiseService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listExpertise", summary = "List the expertise taxonomy",
            description = "Cursor-paged, oldest change first; filter by category, phase or whether an entry is active.")
    @APIResponse(responseCode = "200", description = "A page of taxonomy entries", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.EXPERTISE_PAGE)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "Only this category") @QueryParam("category") ExpertiseCategory category,
                         @Parameter(description = "Only entries specific to this phase") @QueryParam("phase") Phase phase,
                         @Parameter(description = "Only active (true) or retired (false) entries") @QueryParam("active") Boolean active) {
        return PageResponses.ok(uriInfo, service.list(page, category, phase, active), ExpertiseView::from);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getExpertise", summary = "Read one taxonomy entry",
            description = "By its code; retired entries are still readable.")
    @APIResponse(responseCode = "200", description = "The entry, with its ETag", content = @Content(
            schema = @Schema(implementation = ExpertiseView.class), examples = @ExampleObject(name = "entry", value = Examples.EXPERTISE)))
    public Response get(@PathParam("code") String code) {
        Expertise e = service.byCode(code);
        return Responses.ok(e, ExpertiseView.from(e));
    }

    @POST
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "createExpertise", summary = "Add an entry to the taxonomy", description = "Partnership admins only.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(
            schema = @Schema(implementation = ExpertiseView.class), examples = @ExampleObject(name = "entry", value = Examples.EXPERTISE)))
    public Response create(@Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                           @NotNull @Valid ExpertiseInput input) {
        return idempotency.create("expertise.create", key, input, () -> {
            Expertise e = service.create(input.details());
            return Responses.created(uriInfo, "expertise", e.code, e, ExpertiseView.from(e));
        });
    }

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "updateExpertise", summary = "Relabel or retire an entry",
            description = "Partnership admins only; requires If-Match. Retired entries (active=false) stay on existing "
                    + "offers but cannot be chosen for new ones.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = ExpertiseView.class)))
    public Response update(@PathParam("code") String code,
                           @Parameter(description = "ETag of the entry") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid ExpertiseInput input) {
        Expertise e = service.update(code, ifMatch, input.details());
        return Responses.ok(e, ExpertiseView.from(e));
    }
}
