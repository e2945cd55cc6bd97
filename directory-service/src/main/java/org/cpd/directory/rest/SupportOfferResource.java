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
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.rest.dto.OfferDtos.SupportOfferInput;
import org.cpd.directory.rest.dto.OfferDtos.SupportOfferView;
import org.cpd.directory.domain.OfferWithLoad;
import org.cpd.directory.service.SupportOfferService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/support-offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Support offers", description = "What mentoring and coaching each practitioner offers, and their capacity")
public class SupportOfferResource {

    @Inject
    SupportOfferService service;

    @Context
    UriInfo uriInfo;

    @PUT
    @Path("{practitionerId}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "putSupportOffer", summary = "Publish or replace a practitioner's support offer",
            description = "The practitioner (or their school's lead) says which forms they offer, with capacity 0 to 50 "
                    + "learners at once per form, mentoring purposes, expertise codes from the taxonomy, availability, where "
                    + "they can work, accreditation per role and a short profile. Creating needs no If-Match; replacing does. "
                    + "Publishes support-offer-published or -changed, and capacity-changed when capacities change.")
    @APIResponse(responseCode = "200", description = "The offer as stored, with its ETag", content = @Content(
            schema = @Schema(implementation = SupportOfferView.class), examples = @ExampleObject(name = "offer", value = Examples.SUPPORT_OFFER)))
    public Response put(@PathParam("practitionerId") UUID practitionerId,
                        @Parameter(description = "ETag of the offer being replaced (not needed for the first offer)")
                        @HeaderParam("If-Match") String ifMatch,
                        @NotNull @Valid SupportOfferInput input) {
        return ok(service.put(practitionerId, ifMatch, input.details()));
    }

    @GET
    @Path("{practitionerId}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getSupportOffer", summary = "Read a practitioner's support offer",
            description = "Public within the partnership, with current load and free capacity per form.")
    @APIResponse(responseCode = "200", description = "The offer, with its ETag", content = @Content(
            schema = @Schema(implementation = SupportOfferView.class), examples = @ExampleObject(name = "offer", value = Examples.SUPPORT_OFFER)))
    public Response get(@PathParam("practitionerId") UUID practitionerId) {
        return ok(service.offer(practitionerId));
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "listSupportOffers", summary = "List support offers of your partnerships",
            description = "Cursor-paged, oldest change first; use updatedSince to sync. Paused offers are included.")
    @APIResponse(responseCode = "200", description = "A page of offers", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.SUPPORT_OFFER_PAGE)))
    public Response list(@BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, service.list(page), SupportOfferView::from);
    }

    @POST
    @Path("{practitionerId}/pause")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "pauseSupportOffer", summary = "Pause an offer",
            description = "A paused offer takes no new learners and is left out of search and matching; current "
                    + "relationships continue. Requires If-Match. Publishes support-offer-paused and capacity-changed.")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = SupportOfferView.class)))
    public Response pause(@PathParam("practitionerId") UUID practitionerId,
                          @Parameter(description = "ETag of the offer") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.pause(practitionerId, ifMatch, true));
    }

    @POST
    @Path("{practitionerId}/resume")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "resumeSupportOffer", summary = "Resume a paused offer",
            description = "Requires If-Match. Publishes support-offer-resumed and capacity-changed.")
    @APIResponse(responseCode = "200", description = "Resumed", content = @Content(schema = @Schema(implementation = SupportOfferView.class)))
    public Response resume(@PathParam("practitionerId") UUID practitionerId,
                           @Parameter(description = "ETag of the offer") @HeaderParam("If-Match") String ifMatch) {
        return ok(service.pause(practitionerId, ifMatch, false));
    }

    private static Response ok(OfferWithLoad offer) {
        return Responses.ok(offer.offer(), SupportOfferView.from(offer));
    }
}
