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
import org.cpd.directory.service.AppointmentService;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.rest.dto.AppointmentDtos.AppointmentInput;
import org.cpd.directory.rest.dto.AppointmentDtos.AppointmentView;
import jakarta.ws.rs.QueryParam;
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
    AppointmentService appointments;

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

    // ---- partnership-admin appointments

    @POST
    @Path("{id}/admins")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "appointPartnershipAdmin", summary = "Appoint a partnership admin",
            description = "Admins of this partnership only. The appointee is an active practitioner of the partnership "
                    + "(else 422 appointee-outside-scope); a second current appointment is a 409 already-appointed. Audited; "
                    + "publishes appointment-made; the appointee's account gets the partnership-admin role.")
    @APIResponse(responseCode = "201", description = "Appointed", content = @Content(
            schema = @Schema(implementation = AppointmentView.class),
            examples = @ExampleObject(name = "appointment", value = Examples.PARTNERSHIP_ADMIN_APPOINTMENT)))
    public Response appointAdmin(@PathParam("id") UUID id,
                                 @Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                                 @NotNull @Valid AppointmentInput input) {
        return idempotency.create("partnerships.admins.appoint", key, input, () -> {
            Appointment a = appointments.appointPartnershipAdmin(id, input.practitionerId());
            return Responses.createdAt(uriInfo, "partnerships/" + id + "/admins", a, AppointmentView.from(a));
        });
    }

    @GET
    @Path("{id}/admins")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "listPartnershipAdmins", summary = "List the partnership's admin appointments",
            description = "Admins of this partnership only. Current appointments, or all with includeEnded=true.")
    @APIResponse(responseCode = "200", description = "A page of appointments", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.PARTNERSHIP_ADMIN_PAGE)))
    public Response listAdmins(@PathParam("id") UUID id, @BeanParam PageRequest page,
                               @Parameter(description = "Ended appointments too") @QueryParam("includeEnded") boolean includeEnded) {
        return PageResponses.ok(uriInfo, appointments.partnershipAdmins(id, page, includeEnded), AppointmentView::from);
    }

    @POST
    @Path("{id}/admins/{appointmentId}/end")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "endPartnershipAdmin", summary = "End a partnership-admin appointment",
            description = "Admins of this partnership only; ending an ended appointment changes nothing. Audited; publishes "
                    + "appointment-ended; the holder's next token no longer grants it.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(
            schema = @Schema(implementation = AppointmentView.class)))
    public Response endAdmin(@PathParam("id") UUID id, @PathParam("appointmentId") UUID appointmentId) {
        Appointment a = appointments.endPartnershipAdmin(id, appointmentId);
        return Responses.ok(a, AppointmentView.from(a));
    }
}
