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
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.service.ConversationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN})
@Tag(name = "Conversations", description = "Learning conversations, their confidential notes and action points.")
public class ConversationResource {

    @Inject
    ConversationService service;

    @Inject
    CurrentUser user;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(operationId = "createConversation", summary = "Plan or record a learning conversation",
            description = "A participant of an ACTIVE relationship plans (future `startsAt`) or records (past) a conversation. "
                    + "Activities are codes of the form's catalogue. Recording a held conversation publishes "
                    + "`conversation-recorded` with its duration and supporter, never its summary or notes.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConversationInput.class), examples = {
            @ExampleObject(name = "mentoring", value = Examples.CONVERSATION_MENTORING),
            @ExampleObject(name = "co-coaching", value = Examples.CONVERSATION_CO_COACHING)}))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    @APIResponse(responseCode = "404", description = "The relationship is not found, or not visible to the caller.")
    public Response create(@NotNull @Valid ConversationInput body, @HeaderParam("Idempotency-Key") String key) {
        return idempotency.create("conversations.create", key, body, () -> {
            ConversationService.ConversationView created = service.create(body.toCommand(), user.caller());
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/conversations")
                    .path(created.conversation().id.toString()).build()).entity(ConversationDto.detail(created)).build();
        });
    }

    @POST
    @Path("{id}/record")
    @Operation(operationId = "recordConversation", summary = "Record a planned conversation as held",
            description = "Completes a PLANNED conversation with what happened; `startsAt` may be left out to keep the planned time.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    public ConversationDto record(@PathParam("id") UUID id, @NotNull @Valid ConversationInput body) {
        return ConversationDto.detail(service.record(id, body.toCommand(), user.caller()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConversation", summary = "Read a conversation",
            description = "Participants see the confidential notes; school leads and admins who may see the relationship get the "
                    + "conversation without them. Reads are audited.")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    public ConversationDto get(@PathParam("id") UUID id) {
        return ConversationDto.detail(service.get(id, user.caller()));
    }

    @GET
    @Operation(operationId = "listConversations", summary = "List conversations",
            description = "`participant=me` (with `upcoming=true` for planned ones still ahead: the gateway's /me uses this) or "
                    + "`relationshipId`. Lists never include confidential notes.")
    @APIResponse(responseCode = "200", description = "A page of conversations", content = @Content(schema = @Schema(implementation = ConversationPage.class)))
    @APIResponse(responseCode = "404", description = "The relationship is not found, or not visible to the caller.")
    public Response list(@Parameter(description = "`me`") @QueryParam("participant") String participant,
                         @QueryParam("relationshipId") UUID relationshipId,
                         @Parameter(description = "Only planned conversations that have not started yet") @QueryParam("upcoming") boolean upcoming,
                         @BeanParam PageRequest page) {
        if (participant != null && !"me".equals(participant)) {
            throw RuleViolation.invalidField("participant", "only `me` is supported");
        }
        if (relationshipId == null && participant == null) {
            throw RuleViolation.invalidField("participant", "give participant=me or a relationshipId");
        }
        return PageResponses.ok(uriInfo, service.list(user.caller(), relationshipId, participant != null, upcoming, page),
                ConversationDto::listed);
    }

    @Schema(name = "ConversationPage")
    public record ConversationPage(List<ConversationDto> items, String nextCursor) {
    }
}
