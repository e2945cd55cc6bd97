package org.cpd.gateway.privacy;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cpd.commons.web.privacy.SubjectPath;
import org.cpd.gateway.web.Claims;
import org.cpd.gateway.routing.CallerResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/privacy/subjects")
@Tag(name = "Privacy", description = "Subject access and erasure: a person's data, for the person or their partnership's admins")
@Authenticated
public class PrivacyResource extends CallerResource {

    @Inject
    SubjectExportComposer composer;
    @Inject
    SubjectExportPage page;
    @Inject
    SubjectErasureComposer erasures;

    @GET
    @Path("{practitionerId}/export")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "exportSubjectData", summary = "Export a person's data (subject access)",
            description = "One archive of everything the three services hold about a person, for the person themselves "
                    + "(`me` works too) or an admin of one of the person's partnerships; anyone else gets 404. Each service "
                    + "is asked in parallel with the caller's own token and decides what the caller may have: confidential "
                    + "notes are in the person's own export only, and goals-service gives its part to the person only. A "
                    + "part a service cannot give in time is null and listed in `unavailable` (`complete` is false). "
                    + "`Accept: text/html` gives a printable page of the same archive. Every service audits the export "
                    + "(action `export`).")
    @APIResponse(responseCode = "200", description = "The archive (possibly incomplete), as JSON or a printable page.",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectExport.class),
                            examples = @ExampleObject(name = "goalsDown", value = """
                                    {"practitionerId":"30000000-0000-4000-8000-000000000003",
                                     "exportedAt":"2026-11-30T10:00:00Z",
                                     "requestedBy":{"subject":"f7c1a6d2-0c51-4ad4-9e55-2b0b1f7c9d10","clientId":"cpd-portal",
                                      "practitionerId":"30000000-0000-4000-8000-000000000003"},
                                     "complete":false,
                                     "directory":{"service":"directory-service","practitioner":{"id":"30000000-0000-4000-8000-000000000003"}},
                                     "relationships":{"service":"relationships-service","relationships":[]},
                                     "goals":null,
                                     "unavailable":[{"service":"goals","status":null,"reason":"timeout"}]}""")),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING,
                            maxLength = 67108864, description = "A printable HTML page of the archive."))})
    @APIResponse(responseCode = "400", description = "The id is neither a practitioner id nor `me`.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "404", description = "No such person, or not one the caller may export.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    public Uni<Response> export(@BeanParam SubjectPath subject, @Context HttpHeaders headers) {
        boolean html = wantsHtml(headers);
        var requester = new SubjectExport.RequestedBy(jwt.getSubject(), Claims.string(jwt, "azp"),
                Claims.string(jwt, "practitioner_id"));
        return composer.compose(subject.value(), requester, bearer(), requestId())
                .map(export -> html
                        ? Response.ok(page.render(export), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build()
                        : Response.ok(export, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @POST
    @Path("{practitionerId}/erasure")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "eraseSubject", summary = "Erase a person (UK GDPR)",
            description = "For an admin of one of the person's partnerships; anyone else gets 404. Relayed to "
                    + "directory-service, which anonymises and deactivates the record (the login is disabled), withdraws "
                    + "the support offer, records the erasure and publishes `practitioner-erased`; relationships-service "
                    + "and goals-service then delete the person's confidential notes and private evidence (attachments "
                    + "included) and keep relationships and goals as anonymised statistics. Erasing again answers the same "
                    + "record with 200 and changes nothing. Follow it with `GET .../erasure`.")
    @APIResponse(responseCode = "202", description = "Erased in the directory; the other services apply it next.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "directory-service's erasure record (schema ErasureView of its document).")))
    @APIResponse(responseCode = "200", description = "Already erased: the first erasure's record, nothing changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "directory-service's erasure record (schema ErasureView of its document).")))
    @APIResponse(responseCode = "400", description = "The id is not a practitioner id.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The caller's own record is deactivated.")
    @APIResponse(responseCode = "404", description = "No such person, or not one the caller may erase.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    @APIResponse(responseCode = "503", description = "directory-service did not answer; nothing was erased by the gateway.")
    public Uni<Response> erase(@Parameter(description = "A practitioner id.", schema = @Schema(maxLength = 36))
                               @PathParam("practitionerId") String practitionerId) {
        return erasures.request(practitionerId, bearer(), requestId())
                .map(reply -> relay(reply, MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("{practitionerId}/erasure")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getSubjectErasureStatus", summary = "Where a person's erasure stands in each service",
            description = "For an admin of a partnership the person was in when erased: each service's own erasure record "
                    + "(`APPLIED`), `PENDING` while the event has not reached it (a service that was down applies it when it "
                    + "is back), or `UNAVAILABLE`. 404 before the person is erased, and for anyone else.")
    @APIResponse(responseCode = "200", description = "Each service's state.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectErasure.class)))
    @APIResponse(responseCode = "400", description = "The id is not a practitioner id.")
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "404", description = "Not erased, or not a person the caller may see erased.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    @APIResponse(responseCode = "503", description = "directory-service did not answer.")
    public Uni<SubjectErasure> erasureStatus(@Parameter(description = "A practitioner id.", schema = @Schema(maxLength = 36))
                                             @PathParam("practitionerId") String practitionerId) {
        return erasures.status(practitionerId, bearer(), requestId());
    }

    /** HTML only when the caller prefers it to JSON (a browser); JSON otherwise. */
    static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }
}
