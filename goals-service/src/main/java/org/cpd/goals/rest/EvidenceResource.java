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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.service.AttachedEvidence;
import org.cpd.goals.service.AttachmentService;
import org.cpd.goals.service.EvidenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

@Path(EvidenceResource.PATH)
@Tag(name = "Evidence", description = "Direct evidence from practice, linked to goals and mapped to standards.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class EvidenceResource {

    static final String PATH = "/api/v1/evidence";

    @Inject
    EvidenceService evidence;

    @Inject
    AttachmentService attachments;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "createEvidence", summary = "Record evidence from practice",
            description = "Owned by the caller. Linked goals must be the caller's; standards must exist. A VIDEO_OF_PRACTICE "
                    + "needs a videoUrl. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag are set.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceDto.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull EvidenceRequest body) {
        return idempotency.create("evidence.create", key, body, () -> {
            AttachedEvidence created = evidence.create(body.command());
            return Responses.created(PATH, created.evidence(), EvidenceDto.from(created));
        });
    }

    @GET
    @Operation(operationId = "listEvidence", summary = "List evidence the caller may see",
            description = "Same access rules as goals; private evidence appears only to its owner.")
    @APIResponse(responseCode = "200", description = "One page of evidence.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidencePage.class)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "`me` or a learner's practitioner id.") @QueryParam("owner") String owner,
                         @Parameter(description = "Only evidence linked to this goal.") @QueryParam("goalId") String goalId,
                         @Parameter(description = "Only evidence of this type.", schema = @Schema(implementation = EvidenceType.class))
                         @QueryParam("type") String type) {
        return PageResponses.ok(uriInfo, evidence.list(page, Params.owner(owner), Params.uuid("goalId", goalId),
                Params.enumValue("type", type, EvidenceType.class)), EvidenceDto::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEvidence", summary = "Read evidence", description = "404 when it does not exist or the caller may not see it.")
    @APIResponse(responseCode = "200", description = "The evidence with its attachments.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceDto.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(evidence.read(id));
    }

    @POST
    @Path("/{id}/goals")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "linkEvidenceToGoal", summary = "Link evidence to one more of the learner's goals",
            description = "Owner only. Linking an already linked goal changes nothing.")
    @APIResponse(responseCode = "200", description = "The evidence with its goals.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceDto.class)))
    public Response link(@PathParam("id") UUID id, @Valid @NotNull LinkGoalRequest body) {
        return ok(evidence.link(id, body.goalId()));
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "uploadAttachment", summary = "Attach a file (pupil work photo, PDF) to evidence",
            description = "multipart/form-data with one part named `file`. Streamed to storage, never held in memory. "
                    + "Too large → 413 attachment-too-large; a type outside the allow-list, or a Content-Type that "
                    + "contradicts the bytes → 415 unsupported-attachment-type. Nothing is stored when refused.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = AttachmentUploadForm.class)))
    @APIResponse(responseCode = "201", description = "Stored; Location is the download address.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentDto.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than allowed; nothing was stored.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "The file's type is not allowed or does not match its Content-Type.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            throw Problems.invalidField("file", "is required: send the file as the multipart part named `file`");
        }
        Attachment a = attachments.attach(id, file.uploadedFile(), file.size(), file.fileName(), file.contentType());
        return Response.created(URI.create("/api/v1/attachments/" + a.id)).entity(AttachmentDto.from(a)).build();
    }

    private static Response ok(AttachedEvidence e) {
        return Responses.ok(e.evidence(), EvidenceDto.from(e));
    }
}
