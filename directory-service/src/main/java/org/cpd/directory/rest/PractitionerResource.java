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
import org.cpd.directory.rest.dto.PractitionerDtos.LineManagementInput;
import org.cpd.directory.rest.dto.PractitionerDtos.MergeInput;
import org.cpd.directory.rest.dto.PractitionerDtos.PractitionerInput;
import org.cpd.directory.rest.dto.PractitionerDtos.PractitionerView;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.service.PractitionerService;
import org.cpd.directory.service.AccountProvisioning;
import org.cpd.directory.rest.dto.AccountDtos.AccountView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Practitioners", description = "People of the partnership and who manages or appraises whom")
public class PractitionerResource {

    @Inject
    AccountProvisioning accounts;

    @Inject
    PractitionerService service;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
    @Operation(operationId = "registerPractitioner", summary = "Register a practitioner",
            description = "Registers a person at a school (by URN) or an organisation. Email and TRN identify one person: "
                    + "a duplicate is a 409. Publishes practitioner-registered. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "registered", value = Examples.PRACTITIONER)))
    public Response register(
            @Parameter(description = "Makes retries safe: the same key and body replay the first result.")
            @HeaderParam("Idempotency-Key") String key,
            @NotNull @Valid PractitionerInput input) {
        return idempotency.create("practitioners.register", key, input, () -> {
            Practitioner p = service.register(input.details());
            return Responses.created(uriInfo, "practitioners", p.id, p, PractitionerView.full(p));
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getPractitioner", summary = "Read a practitioner",
            description = "The full record for the person, their school's leads and the partnership's admins; "
                    + "colleagues in the partnership see the public profile only (no email, TRN or links). A record merged "
                    + "into another is still read here (200, active false, mergedInto naming the survivor).")
    @APIResponse(responseCode = "200", description = "The practitioner, with its ETag",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "practitioner", value = Examples.PRACTITIONER)))
    public Response get(@PathParam("id") UUID id) {
        PractitionerService.Visible visible = service.read(id);
        return Responses.ok(visible.practitioner(), PractitionerView.of(visible));
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listPractitioners", summary = "List practitioners",
            description = "Practitioners the caller manages (admins: their partnerships; school leads and MIS: their schools), "
                    + "oldest change first, cursor-paged; use updatedSince to sync incrementally.")
    @APIResponse(responseCode = "200", description = "A page of practitioners",
            content = @Content(examples = @ExampleObject(name = "page", value = Examples.PRACTITIONER_PAGE)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "Only staff of this school (6-digit URN)") @QueryParam("schoolUrn") String schoolUrn,
                         @Parameter(description = "Only members of this partnership") @QueryParam("partnershipId") UUID partnershipId,
                         @Parameter(description = "Only people of this organisation") @QueryParam("organisationId") UUID organisationId,
                         @Parameter(description = "Only this career stage") @QueryParam("careerStage") CareerStage careerStage,
                         @Parameter(description = "Only active (true) or deactivated (false) people") @QueryParam("active") Boolean active,
                         @Parameter(description = "Exact email, case-insensitive") @QueryParam("email") String email,
                         @Parameter(description = "Exact TRN") @QueryParam("trn") String trn) {
        var filter = new PractitionerService.Filter(schoolUrn, partnershipId, organisationId, careerStage, active, email, trn);
        return PageResponses.ok(uriInfo, service.list(page, filter), PractitionerView::full);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "updatePractitioner", summary = "Change a practitioner",
            description = "Replaces the record. Requires If-Match with the ETag read. A practitioner may change their own "
                    + "name, subjects and phases; email, TRN, school and career stage are changed by their school's lead. "
                    + "Publishes practitioner-updated.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid PractitionerInput input) {
        return ok(service.update(id, ifMatch, input.details()));
    }

    @POST
    @Path("{id}/deactivation")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
    @Operation(operationId = "deactivatePractitioner", summary = "Deactivate a practitioner",
            description = "Marks the person as having left: they stay in the directory (history refers to them) but are no "
                    + "longer offered as supporters. Requires If-Match. Publishes practitioner-deactivated.")
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    public Response deactivate(@PathParam("id") UUID id,
                               @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.deactivate(id, ifMatch));
    }

    @POST
    @Path("{id}/merges")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD})
    @Operation(operationId = "mergePractitioners", summary = "Merge a duplicate record into this one",
            description = "Two records of one person become one: this record (the survivor) takes the other's missing TRN "
                    + "and MIS staff ids, its line managers, appraisers and reports, and its relationships and time given; the "
                    + "retired record is deactivated (appointments ended, login disabled, support offer paused) and names "
                    + "the survivor in mergedInto, and its id keeps resolving. By a lead of both records' schools or an admin "
                    + "of their partnership (404 for a record the caller may not merge). Requires If-Match with the survivor's "
                    + "ETag. 422 merge-into-itself; 409 already-merged, merge-across-partnerships, conflicting-trn, "
                    + "management-cycle. Publishes practitioner-merged (and practitioner-deactivated for the retired record).")
    @APIResponse(responseCode = "200", description = "Merged: the survivor, with its new ETag",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "survivor", value = Examples.PRACTITIONER)))
    public Response merge(@PathParam("id") UUID id,
                          @Parameter(description = "ETag of the survivor") @HeaderParam("If-Match") String ifMatch,
                          @NotNull @Valid MergeInput input) {
        return ok(service.merge(id, ifMatch, input.retiredId()));
    }

    @PUT
    @Path("{id}/line-management")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
    @Operation(operationId = "replaceLineManagement", summary = "Set who manages and appraises a practitioner",
            description = "Replaces the practitioner's line managers and appraisers (these define coaching buffer zones). "
                    + "Nobody manages themselves and line management never forms a cycle (409 management-cycle). "
                    + "Requires If-Match with the practitioner's ETag. Publishes line-management-changed.")
    @APIResponse(responseCode = "200", description = "Links replaced",
            content = @Content(schema = @Schema(implementation = PractitionerView.class)))
    public Response replaceLinks(@PathParam("id") UUID id,
                                 @Parameter(description = "ETag of the practitioner") @HeaderParam("If-Match") String ifMatch,
                                 @NotNull @Valid LineManagementInput input) {
        return ok(service.replaceLinks(id, ifMatch, input.links()));
    }

    @POST
    @Path("{id}/invitation")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
    @Operation(operationId = "resendInvitation", summary = "Resend the invitation to log in",
            description = "Those who manage the record, while the person has not set a password yet (409 account-active "
                    + "afterwards; 409 practitioner-inactive for a deactivated person). The e-mail (verify the address, set a "
                    + "password) is sent by the provisioning worker shortly after. Audited.")
    @APIResponse(responseCode = "202", description = "The invitation will be sent", content = @Content(
            schema = @Schema(implementation = AccountView.class),
            examples = @ExampleObject(name = "account", value = Examples.ACCOUNT)))
    public Response resendInvitation(@PathParam("id") UUID id) {
        return Response.accepted(AccountView.from(accounts.resendInvitation(id))).build();
    }

    /** The full record with its ETag: every change answers with it. */
    private static Response ok(Practitioner p) {
        return Responses.ok(p, PractitionerView.full(p));
    }
}
