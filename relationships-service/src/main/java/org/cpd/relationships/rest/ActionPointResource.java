package org.cpd.relationships.rest;

import org.cpd.commons.web.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.service.ConversationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/relationships/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN})
@Tag(name = "Conversations")
public class ActionPointResource {

    @Inject
    ConversationService conversations;

    @Inject
    CurrentUser user;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listMyActionPoints", summary = "My action points",
            description = "`owner=me` lists the caller's action points; `open=true` only those not completed (the gateway's /me uses this).")
    @APIResponse(responseCode = "200", description = "A page of action points", content = @Content(schema = @Schema(implementation = ActionPage.class)))
    public Response list(@Parameter(description = "`me`", required = true) @QueryParam("owner") String owner,
                         @QueryParam("open") Boolean open, @BeanParam PageRequest page) {
        if (!"me".equals(owner)) {
            throw RuleViolation.invalidField("owner", "only `me` is supported");
        }
        return PageResponses.ok(uriInfo, conversations.myActions(user.caller(), open, page), ActionPointDto::from);
    }

    @POST
    @Path("{actionId}/complete")
    @Operation(operationId = "completeActionPoint", summary = "Complete an action point", description = "By a participant of the relationship.")
    @APIResponse(responseCode = "200", description = "Completed", content = @Content(schema = @Schema(implementation = ActionPointDto.class)))
    public ActionPointDto complete(@PathParam("actionId") UUID actionId) {
        return ActionPointDto.from(conversations.complete(actionId, user.caller()));
    }

    @Schema(name = "ActionPointPage")
    public record ActionPage(List<ActionPointDto> items, String nextCursor) {
    }
}
