package org.cpd.relationships.rest;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.AgreementState;
import org.cpd.relationships.service.RelationshipService;
import org.cpd.relationships.service.RelationshipViews;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN})
@Tag(name = "Relationships", description = "Mentoring, specialist coaching and co-coaching relationships and their lifecycle.")
public class RelationshipResource {

    @Inject
    RelationshipService service;

    @Inject
    CurrentUser user;

    @Inject
    RelationshipViews views;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(operationId = "proposeRelationship", summary = "Propose a relationship",
            description = """
                    Proposes a relationship of one form. Who may propose follows the framework: a school lead of the
                    learner's school assigns a mentor; a learner chooses their specialist coach (a school lead may offer
                    one); co-coaching peers propose among themselves. Refused when a participant is unknown or inactive,
                    a practitioner would support themselves, the same people already have an open relationship of that
                    form, the supporter has no free place (pending and active relationships count), the participants'
                    partnerships do not allow working together, or a line manager or appraiser would coach
                    (`conflict-of-interest`, unless a school lead records an override with a reason). Mentoring by a line
                    manager is allowed and flagged. The first version of the learning agreement is drafted from the form's
                    template. An unanswered proposal expires after the configured time.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProposeRelationship.class), examples = {
            @ExampleObject(name = "mentoring", summary = "A school lead assigns an induction mentor", value = Examples.PROPOSE_MENTORING),
            @ExampleObject(name = "specialist-coaching", summary = "A learner chooses a coach for Assessment for Learning", value = Examples.PROPOSE_COACHING),
            @ExampleObject(name = "co-coaching", summary = "Two peers embed a Thinking Skills course", value = Examples.PROPOSE_CO_COACHING),
            @ExampleObject(name = "override", summary = "A school lead overrides a conflict of interest", value = Examples.PROPOSE_WITH_OVERRIDE)}))
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(schema = @Schema(implementation = RelationshipDto.class),
            examples = @ExampleObject(name = "proposed", value = Examples.RELATIONSHIP)))
    public Response propose(@NotNull @Valid ProposeRelationship body,
                            @Parameter(description = "Makes the create safe to retry.") @HeaderParam("Idempotency-Key") String key) {
        return idempotency.create("relationships.propose", key, body, () -> {
            Relationship r = service.propose(body.toProposal(), user.caller());
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/relationships").path(r.id.toString()).build())
                    .tag(etag(r)).entity(RelationshipDto.from(r)).build();
        });
    }

    @GET
    @Operation(operationId = "listRelationships", summary = "List relationships",
            description = "`participant=me` lists the caller's own relationships; a school lead may list those of a practitioner "
                    + "of their school (`participant=<id>`) or, without `participant`, all with a participant in their schools.")
    @APIResponse(responseCode = "200", description = "A page of relationships",
            content = @Content(schema = @Schema(implementation = RelationshipPage.class)))
    public Response list(@Parameter(description = "`me` or a practitioner id") @QueryParam("participant") String participant,
                         @Parameter(description = "Only these statuses (repeatable)") @QueryParam("status") List<RelationshipStatus> status,
                         @QueryParam("form") SupportForm form,
                         @BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, service.list(user.caller(), participant, status, form, page), RelationshipDto::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getRelationship", summary = "Read a relationship",
            description = "Visible to its participants, school leads of a participant's school and admins of a participant's partnership.")
    @APIResponse(responseCode = "200", description = "The relationship",
            content = @Content(schema = @Schema(implementation = RelationshipDto.class), examples = @ExampleObject(name = "proposed", value = Examples.RELATIONSHIP)))
    public Response get(@PathParam("id") UUID id) {
        Relationship r = service.get(id, user.caller());
        return Response.ok(RelationshipDto.from(r)).tag(etag(r)).build();
    }

    @POST
    @Path("{id}/accept")
    @Operation(operationId = "acceptRelationship", summary = "Accept a proposal",
            description = "A participant accepts; when every participant has accepted, the relationship moves to AGREEMENT_PENDING.")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response accept(@PathParam("id") UUID id) {
        return ok(service.accept(id, user.caller()));
    }

    @POST
    @Path("{id}/decline")
    @Operation(operationId = "declineRelationship", summary = "Decline a proposal", description = "A participant declines (reason required): PROPOSED or AGREEMENT_PENDING → DECLINED.")
    @APIResponse(responseCode = "200", description = "Declined", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response decline(@PathParam("id") UUID id, @NotNull @Valid EndRequest body) {
        return ok(service.decline(id, user.caller(), body.reason()));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawRelationship", summary = "Withdraw a proposal", description = "The proposer or a school lead of a participant's school withdraws it (reason required) before it is active.")
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid EndRequest body) {
        return ok(service.withdraw(id, user.caller(), body.reason()));
    }

    @POST
    @Path("{id}/activate")
    @Operation(operationId = "activateRelationship", summary = "Start the relationship",
            description = "A participant activates it: AGREEMENT_PENDING → ACTIVE, refused (409 `agreement-not-signed`) until every participant signed the current agreement version.")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response activate(@PathParam("id") UUID id) {
        return ok(service.activate(id, user.caller()));
    }

    @POST
    @Path("{id}/pause")
    @Operation(operationId = "pauseRelationship", summary = "Pause the relationship", description = "ACTIVE → PAUSED, by a participant. While paused the agreement may be renegotiated.")
    @APIResponse(responseCode = "200", description = "Paused", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response pause(@PathParam("id") UUID id, @Valid PauseRequest body) {
        return ok(service.pause(id, user.caller(), body == null ? null : body.reason()));
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeRelationship", summary = "Resume the relationship", description = "PAUSED → ACTIVE, by a participant, when every participant signed the current agreement version.")
    @APIResponse(responseCode = "200", description = "Active again", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response resume(@PathParam("id") UUID id) {
        return ok(service.resume(id, user.caller()));
    }

    @POST
    @Path("{id}/close")
    @Operation(operationId = "closeRelationship", summary = "Close the relationship",
            description = "ACTIVE or PAUSED → CLOSED by a participant or a school lead of a participant's school, recording whether it was completed as planned or ended early, and why.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CloseRequest.class), examples = {
            @ExampleObject(name = "completed", value = Examples.CLOSE_COMPLETED),
            @ExampleObject(name = "ended-early", value = Examples.CLOSE_EARLY)}))
    @APIResponse(responseCode = "200", description = "Closed", content = @Content(schema = @Schema(implementation = RelationshipDto.class)))
    public Response close(@PathParam("id") UUID id, @NotNull @Valid CloseRequest body) {
        return ok(service.close(id, user.caller(), body.outcome(), body.reason()));
    }

    // ---- learning agreement ----------------------------------------------------------------

    @GET
    @Path("{id}/agreement")
    @Operation(operationId = "getAgreement", summary = "Read the current learning agreement", description = "The current version, its signatures and who still has to sign. Its ETag guards edits.")
    @APIResponse(responseCode = "200", description = "The current version", content = @Content(schema = @Schema(implementation = AgreementDto.class)))
    public Response agreement(@PathParam("id") UUID id) {
        return ok(service.agreement(id, null, user.caller()));
    }

    @PUT
    @Path("{id}/agreement")
    @Operation(operationId = "reviseAgreement", summary = "Edit the learning agreement (new version)",
            description = "Creates a new version with the given terms; signatures of earlier versions no longer count, so everyone signs again. "
                    + "Requires `If-Match` with the agreement's ETag. Allowed while PROPOSED, AGREEMENT_PENDING or PAUSED (pause an active relationship to renegotiate).")
    @APIResponse(responseCode = "200", description = "The new current version", content = @Content(schema = @Schema(implementation = AgreementDto.class)))
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AgreementEdit body) {
        return ok(service.revise(id, user.caller(), ifMatch, body.toTerms()));
    }

    @GET
    @Path("{id}/agreement/versions/{version}")
    @Operation(operationId = "getAgreementVersion", summary = "Read one agreement version", description = "Any version, current or superseded, with the signatures it received.")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(schema = @Schema(implementation = AgreementDto.class)))
    public AgreementDto agreementVersion(@PathParam("id") UUID id, @PathParam("version") int version) {
        return AgreementDto.from(service.agreement(id, version, user.caller()));
    }

    @POST
    @Path("{id}/agreement/versions/{version}/signatures")
    @Operation(operationId = "signAgreement", summary = "Sign an agreement version",
            description = "The calling participant signs this version; only the current version can be signed (409 `agreement-version-superseded`). Signing again is harmless.")
    @APIResponse(responseCode = "200", description = "Signed; the current version", content = @Content(schema = @Schema(implementation = AgreementDto.class)))
    public Response sign(@PathParam("id") UUID id, @PathParam("version") int version) {
        return ok(service.sign(id, version, user.caller()));
    }

    // ---- views ------------------------------------------------------------------------------

    @GET
    @Path("{id}/timeline")
    @Operation(operationId = "getRelationshipTimeline", summary = "A relationship's timeline",
            description = "Transitions, agreement versions and signatures, and conversations (dates and durations only), oldest first.")
    @APIResponse(responseCode = "200", description = "The timeline")
    public List<RelationshipViews.TimelineEntry> timeline(@PathParam("id") UUID id) {
        return views.timeline(id, user.caller());
    }

    @GET
    @Path("{id}/reciprocity")
    @Operation(operationId = "getCoCoachingReciprocity", summary = "Who held the coach role",
            description = "How often each participant held the coach role and whether the role really alternates (co-coaching).")
    @APIResponse(responseCode = "200", description = "Reciprocity")
    public RelationshipViews.Reciprocity reciprocity(@PathParam("id") UUID id) {
        return views.reciprocity(id, user.caller());
    }

    @GET
    @Path("{id}/self-direction")
    @Operation(operationId = "getSelfDirectionTrend", summary = "The learner's self-direction trend",
            description = "Who set each held conversation's agenda, in the order held, and whether the learner takes more control "
                    + "(the shared self-direction measure, ADR 0041).")
    @APIResponse(responseCode = "200", description = "Trend")
    public org.cpd.commons.insight.SelfDirection selfDirection(@PathParam("id") UUID id) {
        return views.selfDirection(id, user.caller());
    }

    @GET
    @Path("{id}/protected-time")
    @Operation(operationId = "getProtectedTime", summary = "Protected time: budget against use",
            description = "The agreement's hours per half-term times the half-terms since activation, against the minutes of held "
                    + "conversations (and those still planned).")
    @APIResponse(responseCode = "200", description = "Protected time")
    public RelationshipViews.ProtectedTime protectedTime(@PathParam("id") UUID id) {
        return views.protectedTime(id, user.caller());
    }

    private static Response ok(Relationship r) {
        return Response.ok(RelationshipDto.from(r)).tag(etag(r)).build();
    }

    private static Response ok(AgreementState agreement) {
        return Response.ok(AgreementDto.from(agreement)).tag(etag(agreement.agreement())).build();
    }

    private static EntityTag etag(TrackedEntity e) {
        return new EntityTag(String.valueOf(e.version));
    }

    /** For the OpenAPI document only. */
    @Schema(name = "RelationshipPage")
    public record RelationshipPage(List<RelationshipDto> items, String nextCursor) {
    }
}
