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
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.SchoolDtos.SchoolInput;
import org.cpd.directory.rest.dto.SchoolDtos.SchoolView;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SchoolPhase;
import org.cpd.directory.service.OrganisationStructureService;
import org.cpd.directory.service.AppointmentService;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.rest.dto.AppointmentDtos.AppointmentInput;
import org.cpd.directory.rest.dto.AppointmentDtos.AppointmentView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schools", description = "Schools by URN and their partnership memberships")
public class SchoolResource {

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
    @Operation(operationId = "registerSchool", summary = "Register a school",
            description = "Admins of every partnership named. The URN identifies the school nationally: a second "
                    + "registration is a 409 duplicate-urn (add the partnership to the existing school instead). "
                    + "Publishes school-registered.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            schema = @Schema(implementation = SchoolView.class),
            examples = @ExampleObject(name = "school", value = Examples.SCHOOL)))
    public Response register(@Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                             @NotNull @Valid SchoolInput input) {
        return idempotency.create("schools.register", key, input, () -> {
            School s = service.registerSchool(input.details());
            return Responses.created(uriInfo, "schools", s.id, s, SchoolView.from(s));
        });
    }

    @GET
    @Path("{idOrUrn}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getSchool", summary = "Read a school by id or by 6-digit URN",
            description = "Six digits are read as a URN, anything else must be the school's id (400 otherwise).")
    @APIResponse(responseCode = "200", description = "The school, with its ETag", content = @Content(
            schema = @Schema(implementation = SchoolView.class),
            examples = @ExampleObject(name = "school", value = Examples.SCHOOL)))
    public Response get(@Parameter(description = "School id (UUID) or URN (6 digits)")
                        @PathParam("idOrUrn") String idOrUrn) {
        School s = school(idOrUrn);
        return Responses.ok(s, SchoolView.from(s));
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listSchools", summary = "List schools", description = "Cursor-paged, oldest change first.")
    @APIResponse(responseCode = "200", description = "A page of schools", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.SCHOOL_PAGE)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "Only members of this partnership") @QueryParam("partnershipId") UUID partnershipId,
                         @Parameter(description = "Only the school with this URN") @QueryParam("urn") String urn,
                         @Parameter(description = "Only schools of this phase") @QueryParam("phase") SchoolPhase phase) {
        if (urn != null && !Identifiers.isUrn(urn)) {
            throw Problems.invalidField("urn", "must be a 6-digit URN");
        }
        return PageResponses.ok(uriInfo, service.schools(page, partnershipId, urn, phase), SchoolView::from);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "updateSchool", summary = "Change a school",
            description = "Admins of one of the school's partnerships, and of every partnership added or removed; requires If-Match. "
                    + "Publishes school-updated, and practitioner-updated for its staff when memberships change.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = SchoolView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid SchoolInput input) {
        School s = service.updateSchool(id, ifMatch, input.details());
        return Responses.ok(s, SchoolView.from(s));
    }

    // ---- school-lead appointments

    @POST
    @Path("{idOrUrn}/leads")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "appointSchoolLead", summary = "Appoint a school lead",
            description = "Admins of one of the school's partnerships (leads do not appoint leads). The appointee is an active "
                    + "practitioner of this school (else 422 appointee-outside-scope); a second current appointment is a 409 "
                    + "already-appointed. Audited; publishes appointment-made; the appointee's account gets the school-lead role.")
    @APIResponse(responseCode = "201", description = "Appointed", content = @Content(
            schema = @Schema(implementation = AppointmentView.class),
            examples = @ExampleObject(name = "appointment", value = Examples.SCHOOL_LEAD_APPOINTMENT)))
    public Response appointLead(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                                @Parameter(description = "Makes retries safe") @HeaderParam("Idempotency-Key") String key,
                                @NotNull @Valid AppointmentInput input) {
        School s = school(idOrUrn);
        return idempotency.create("schools.leads.appoint", key, input, () -> {
            Appointment a = appointments.appointSchoolLead(s, input.practitionerId());
            return Responses.createdAt(uriInfo, "schools/" + s.id + "/leads", a, AppointmentView.from(a));
        });
    }

    @GET
    @Path("{idOrUrn}/leads")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD})
    @Operation(operationId = "listSchoolLeads", summary = "List the school's lead appointments",
            description = "The school's leads and its partnerships' admins. Current appointments, or all with includeEnded=true.")
    @APIResponse(responseCode = "200", description = "A page of appointments", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.SCHOOL_LEAD_PAGE)))
    public Response listLeads(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                              @BeanParam PageRequest page,
                              @Parameter(description = "Ended appointments too") @QueryParam("includeEnded") boolean includeEnded) {
        return PageResponses.ok(uriInfo, appointments.schoolLeads(school(idOrUrn), page, includeEnded), AppointmentView::from);
    }

    @POST
    @Path("{idOrUrn}/leads/{appointmentId}/end")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "endSchoolLead", summary = "End a school-lead appointment",
            description = "Admins of one of the school's partnerships; ending an ended appointment changes nothing. Audited; "
                    + "publishes appointment-ended. A move to another school or a deactivation ends it too.")
    @APIResponse(responseCode = "200", description = "Ended", content = @Content(
            schema = @Schema(implementation = AppointmentView.class)))
    public Response endLead(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                            @PathParam("appointmentId") UUID appointmentId) {
        Appointment a = appointments.endSchoolLead(school(idOrUrn), appointmentId);
        return Responses.ok(a, AppointmentView.from(a));
    }

    private School school(String idOrUrn) {
        return school(service, idOrUrn);
    }

    /** The school a path names by id or by URN. */
    static School school(OrganisationStructureService service, String idOrUrn) {
        if (Identifiers.isUrn(idOrUrn)) {
            return service.schoolByUrn(idOrUrn);
        }
        try {
            return service.school(UUID.fromString(idOrUrn));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("idOrUrn", "must be a school id (UUID) or a 6-digit URN");
        }
    }
}
