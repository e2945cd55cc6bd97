package org.cpd.goals.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.service.AttachmentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/attachments")
@Tag(name = "Evidence")
@Authenticated
public class AttachmentResource {

    @Inject
    AttachmentService attachments;

    @GET
    @Path("/{id}")
    @Produces({"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/heif"})
    @Operation(operationId = "downloadAttachment", summary = "Download an attachment",
            description = "Streamed. Visible to whoever may see its evidence; 404 otherwise. `Repr-Digest` carries the SHA-256.")
    @APIResponse(responseCode = "200", description = "The file's bytes.",
            // no mediaType: the document lists each type of @Produces, the types an attachment is stored and served as
            content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id) {
        Attachment a = attachments.readable(id);
        long ref = a.contentRef;
        StreamingOutput body = out -> attachments.copy(ref, out);
        return Response.ok(body, a.contentType)
                .header(HttpHeaders.CONTENT_LENGTH, a.sizeBytes)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName + "\"")
                .header(HttpHeaders.ETAG, "\"" + a.sha256 + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256)) + ":")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
    @Operation(operationId = "deleteAttachment", summary = "Remove an attachment (owner of the evidence only)",
            description = "Deletes the stored bytes too and publishes cpd.goals.evidence-attachment-removed.v1.")
    @APIResponse(responseCode = "204", description = "Removed with its bytes.")
    public Response delete(@PathParam("id") UUID id) {
        attachments.delete(id);
        return Response.noContent().build();
    }
}
