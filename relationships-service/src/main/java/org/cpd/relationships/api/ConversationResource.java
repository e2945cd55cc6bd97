package org.cpd.relationships.api;

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
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Actor;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.service.Actors;
import org.cpd.relationships.service.ConversationInput;
import org.cpd.relationships.service.ConversationService;
import org.cpd.relationships.service.RelationshipService;
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

    static final String EXAMPLE = """
            {"relationshipId":"40000000-0000-4000-8000-000000000001","startsAt":"2026-10-05T15:30:00Z","durationMinutes":45,
             "setting":"QUIET_SPACE","activities":["OBSERVATION_DISCUSSION","REVIEW_ACTION_PLANNING"],"agendaOwner":"SHARED",
             "sharedSummary":"Looked at questioning in the Year 8 lesson; wait time improved.",
             "confidentialNotes":"Feeling stretched by the new timetable; agreed to raise workload at the next review.",
             "actionPoints":[{"description":"Try no-hands-up questioning with 8C","ownerId":"30000000-0000-4000-8000-000000000003","dueOn":"2026-10-19"}]}""";

    static final String CO_COACHING_EXAMPLE = """
            {"relationshipId":"40000000-0000-4000-8000-000000000002","startsAt":"2026-10-06T12:30:00Z","durationMinutes":30,
             "setting":"OBSERVATION_IN_ANOTHER_CLASSROOM","activities":["OBSERVATION_DISCUSSION","SHARED_ANALYSIS"],
             "agendaOwner":"LEARNER_LED","coachId":"30000000-0000-4000-8000-000000000005",
             "sharedSummary":"Observed the odd-one-out starter from the Thinking Skills course."}""";

    @Inject
    ConversationService service;

    @Inject
    RelationshipService relationships;

    @Inject
    Actors actors;

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
            @ExampleObject(name = "mentoring", value = EXAMPLE),
            @ExampleObject(name = "co-coaching", value = CO_COACHING_EXAMPLE)}))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    public Response create(@NotNull @Valid ConversationInput body, @HeaderParam("Idempotency-Key") String key) {
        return idempotency.create("conversations.create", key, body, () -> {
            Actor actor = actors.current();
            Conversation c = service.create(body, actor);
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/conversations").path(c.id.toString()).build())
                    .entity(detail(c, actor)).build();
        });
    }

    @POST
    @Path("{id}/record")
    @Operation(operationId = "recordConversation", summary = "Record a planned conversation as held",
            description = "Completes a PLANNED conversation with what happened; `startsAt` may be left out to keep the planned time.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    public ConversationDto record(@PathParam("id") UUID id, @NotNull @Valid ConversationInput body) {
        Actor actor = actors.current();
        return detail(service.record(id, body, actor), actor);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getConversation", summary = "Read a conversation",
            description = "Participants see the confidential notes; school leads and admins who may see the relationship get the "
                    + "conversation without them. Reads are audited.")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(implementation = ConversationDto.class)))
    public ConversationDto get(@PathParam("id") UUID id) {
        Actor actor = actors.current();
        return detail(service.get(id, actor), actor);
    }

    @GET
    @Operation(operationId = "listConversations", summary = "List conversations",
            description = "`participant=me` (with `upcoming=true` for planned ones still ahead: the gateway's /me uses this) or "
                    + "`relationshipId`. Lists never include confidential notes.")
    @APIResponse(responseCode = "200", description = "A page of conversations", content = @Content(schema = @Schema(implementation = ConversationPage.class)))
    public Response list(@Parameter(description = "`me`") @QueryParam("participant") String participant,
                         @QueryParam("relationshipId") UUID relationshipId,
                         @Parameter(description = "Only planned conversations that have not started yet") @QueryParam("upcoming") boolean upcoming,
                         @BeanParam PageRequest page) {
        Actor actor = actors.current();
        Criteria c = Criteria.where();
        if (relationshipId != null) {
            relationships.get(relationshipId, actor);
            c.and("relationshipId = :rid", "rid", relationshipId);
        }
        if ("me".equals(participant)) {
            UUID me = actor.practitioner().orElseThrow(() -> Problems.forbidden("The token names no practitioner"));
            c.and("relationshipId in (select p.relationship.id from Participant p where p.practitionerId = :me)", "me", me);
        } else if (participant != null) {
            throw Problems.invalidField("participant", "only `me` is supported");
        }
        if (relationshipId == null && participant == null) {
            throw Problems.invalidField("participant", "give participant=me or a relationshipId");
        }
        if (upcoming) {
            c.and("status = :planned", "planned", ConversationStatus.PLANNED)
                    .and("startsAt >= :now", "now", TrackedEntity.now());
        }
        return Paging.ok(uriInfo, Paging.page(page, c, Conversation.class), ConversationDto::listed);
    }

    private ConversationDto detail(Conversation c, Actor actor) {
        Relationship r = relationships.get(c.relationshipId, actor);
        List<ActionPoint> actions = ActionPoint.list("conversationId = ?1 order by createdAt", c.id);
        return ConversationDto.detail(c, c.notesFor(r, actor), actions);
    }

    @Schema(name = "ConversationPage")
    public record ConversationPage(List<ConversationDto> items, String nextCursor) {
    }
}
