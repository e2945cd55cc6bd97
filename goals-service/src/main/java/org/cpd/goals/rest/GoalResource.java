package org.cpd.goals.rest;

import org.cpd.commons.web.paging.PageResponses;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import java.net.URI;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.service.GoalService;
import org.cpd.goals.service.ReviewService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(GoalResource.PATH)
@Tag(name = "Goals", description = "Challenging, personal goals rooted in aspirations for pupils.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class GoalResource {

    static final String PATH = "/api/v1/goals";

    @Inject
    GoalService goals;

    @Inject
    Idempotency idempotency;

    @Inject
    ReviewService reviews;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "createGoal", summary = "Set a new goal (as a DRAFT)",
            description = "The caller (a practitioner) owns the goal. Linked relationships must be known here and include "
                    + "the caller; a target date in the past is refused. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag headers are set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class),
                    examples = @ExampleObject(name = "goal", value = Examples.GOAL)))
    public Response create(
            @Parameter(description = "Makes a retried create safe: same key and body replay the first answer.")
            @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull GoalRequest body) {
        return idempotency.create("goals.create", key, body, () -> {
            Goal goal = goals.create(body.command());
            return Responses.created(PATH, goal, GoalDto.from(goal));
        });
    }

    @GET
    @Operation(operationId = "listGoals", summary = "List goals the caller may see",
            description = "Owners see their own goals; supporters see goals shared with their ACTIVE relationships; school "
                    + "leads see goals shared with their school. `owner=me` lists the caller's own goals.")
    @APIResponse(responseCode = "200", description = "One page of goals.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalPage.class)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "`me` or a learner's practitioner id.", examples = @ExampleObject(name = "me", value = Examples.OWNER_ME))
                         @QueryParam("owner") String owner,
                         @Parameter(description = "Only goals in this status.", schema = @Schema(implementation = GoalStatus.class))
                         @QueryParam("status") String status,
                         @Parameter(description = "Only goals pursued in this relationship.") @QueryParam("relationshipId") String relationshipId,
                         @Parameter(description = "Only goals with this visibility.", schema = @Schema(implementation = Visibility.class))
                         @QueryParam("visibility") String visibility) {
        return PageResponses.ok(uriInfo,
                goals.list(page, Params.owner(owner), Params.enumValue("status", status, GoalStatus.class),
                        Params.uuid("relationshipId", relationshipId),
                        Params.enumValue("visibility", visibility, Visibility.class)),
                GoalDto::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getGoal", summary = "Read a goal",
            description = "404 when it does not exist or the caller may not see it (existence is not revealed).")
    @APIResponse(responseCode = "200", description = "The goal; ETag header for If-Match.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class),
                    examples = @ExampleObject(name = "goal", value = Examples.GOAL)))
    public Response get(@PathParam("id") UUID id) {
        return ok(goals.read(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "replaceGoal", summary = "Replace a goal's content",
            description = "Owner only, while DRAFT or ACTIVE. If-Match with the current ETag is required (428 without, 412 when stale). "
                    + "Status changes are separate actions.")
    @APIResponse(responseCode = "200", description = "The updated goal with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull GoalRequest body) {
        return ok(goals.replace(id, ifMatch, body.command()));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "patchGoal", summary = "Change some of a goal's content (JSON merge patch)",
            description = "Owner only, while DRAFT or ACTIVE; If-Match required.")
    @APIResponse(responseCode = "200", description = "The updated goal with its new ETag.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                          @Valid @NotNull GoalPatch body) {
        return ok(goals.patch(id, ifMatch, body.command()));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "activateGoal", summary = "Start working on a DRAFT goal (DRAFT → ACTIVE)",
            description = "409 invalid-status-transition from any other status. If-Match is optional here.")
    @APIResponse(responseCode = "200", description = "The goal, now ACTIVE.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response activate(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(goals.activate(id, ifMatch));
    }

    @POST
    @Path("/{id}/achieve")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "achieveGoal", summary = "Mark an ACTIVE goal achieved (ACTIVE → ACHIEVED)",
            description = "By the learner who owns the goal; 409 invalid-status-transition from any other status. If-Match is optional here.")
    @APIResponse(responseCode = "200", description = "The goal, now ACHIEVED.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response achieve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return ok(goals.achieve(id, ifMatch));
    }

    @POST
    @Path("/{id}/discontinue")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "discontinueGoal", summary = "Stop pursuing an ACTIVE goal, with a reason (ACTIVE → DISCONTINUED)",
            description = "By the learner who owns the goal; 409 invalid-status-transition from any other status. If-Match is optional here.")
    @APIResponse(responseCode = "200", description = "The goal, now DISCONTINUED.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response discontinue(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @Valid @NotNull DiscontinueRequest body) {
        return ok(goals.discontinue(id, ifMatch, body.reason()));
    }

    @POST
    @Path("/{id}/revise")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "reviseGoal", summary = "Replace an ACTIVE goal by a revised one (ACTIVE → REVISED)",
            description = "Creates the successor goal (ACTIVE, `supersedes` the old one) and links the old goal to it "
                    + "(`supersededBy`). The old goal's content stays as it was. If-Match is required.")
    @APIResponse(responseCode = "201", description = "The successor goal; Location points to it.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalDto.class)))
    public Response revise(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull GoalRequest body) {
        Goal successor = goals.revise(id, ifMatch, body.command());
        return Responses.created(PATH, successor, GoalDto.from(successor));
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "reviewGoal", summary = "Review a goal and agree next actions",
            description = "By the learner or a supporter in an ACTIVE relationship the goal is shared with. Not for DRAFT goals "
                    + "(409 goal-not-started); actions may not fall due before the review date.")
    @APIResponse(responseCode = "201", description = "The review.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewDtos.ReviewDto.class)))
    public Response review(@PathParam("id") UUID id, @Valid @NotNull ReviewDtos.ReviewRequest body) {
        GoalReview review = reviews.review(id, body.command());
        return Response.created(URI.create(PATH + "/" + id + "/reviews")).entity(ReviewDtos.ReviewDto.from(review)).build();
    }

    @GET
    @Path("/{id}/reviews")
    @Operation(operationId = "listGoalReviews", summary = "Reviews of a goal, oldest change first",
            description = "Cursor-paged; for anyone who may read the goal.")
    @APIResponse(responseCode = "200", description = "One page of reviews.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewDtos.ReviewPage.class)))
    public Response reviews(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, reviews.list(id, page), ReviewDtos.ReviewDto::from);
    }

    private static Response ok(Goal goal) {
        return Responses.ok(goal, GoalDto.from(goal));
    }
}
