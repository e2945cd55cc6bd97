package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.time.Instant;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.privacy.SubjectPath;
import org.cpd.directory.rest.dto.PrivacyDtos.ErasureView;
import org.cpd.directory.rest.dto.PrivacyDtos.SubjectExportView;
import org.cpd.directory.service.ErasureService;
import org.cpd.directory.service.SubjectAccessService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Data protection requests about one person (docs/data-protection.md). */
@Path("/api/v1/privacy/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access and erasure: a person's data, for the person or their partnership's admins")
public class PrivacyResource {

    @Inject
    SubjectAccessService service;

    @Inject
    ErasureService erasures;

    @GET
    @Path("{practitionerId}/export")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "exportSubjectDirectoryData", summary = "Export a person's directory data",
            description = "The directory's part of a subject access export (the gateway composes the three services' parts "
                    + "at the same path). For the person themselves (`me` works too) or an admin of one of the person's "
                    + "partnerships; anyone else gets 404. Every export is audited (action `export`).")
    @APIResponse(responseCode = "200", description = "The person's directory data",
            content = @Content(schema = @Schema(implementation = SubjectExportView.class),
                    examples = @ExampleObject(name = "export", value = Examples.SUBJECT_EXPORT)))
    @APIResponse(responseCode = "400", description = "The id is neither a practitioner id nor `me`.")
    @APIResponse(responseCode = "404", description = "No such person, or not one the caller may export.")
    public SubjectExportView export(@BeanParam SubjectPath subject) {
        return SubjectExportView.from(service.export(subject.ref()), Instant.now());
    }

    @POST
    @Path("{practitionerId}/erasure")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "eraseSubject", summary = "Erase a person's data",
            description = "Erasure under UK GDPR, by an admin of one of the person's partnerships (anyone else, the "
                    + "person included, gets 404). In one transaction the directory anonymises the record (name, e-mail, "
                    + "TRN, MIS ids, subjects and phases; the id, the school and the career stage stay for statistics), "
                    + "deactivates the person (their login is then disabled), removes their line-management and "
                    + "appraisal links, withdraws their support offer, records the erasure and tells the other services "
                    + "(event `cpd.directory.practitioner-erased.v1`), which erase their parts in turn. Audited (action "
                    + "`erase`). Erasing again changes nothing and answers 200 with the same record.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services follow from the event.",
            content = @Content(schema = @Schema(implementation = ErasureView.class),
                    examples = @ExampleObject(name = "erasure", value = Examples.ERASURE)))
    @APIResponse(responseCode = "200", description = "Already erased: the first erasure's record, nothing changed.",
            content = @Content(schema = @Schema(implementation = ErasureView.class),
                    examples = @ExampleObject(name = "erasure", value = Examples.ERASURE)))
    @APIResponse(responseCode = "400", description = "The id is neither a practitioner id nor `me`.")
    @APIResponse(responseCode = "404", description = "No such person, or not one the caller may erase.")
    public Response erase(@BeanParam SubjectPath subject) {
        ErasureService.Outcome outcome = erasures.erase(subject.ref());
        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(ErasureView.from(outcome.erasure())).build();
    }

    @GET
    @Path("{practitionerId}/erasure")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getSubjectErasure", summary = "The directory's erasure of a person",
            description = "For an admin of a partnership the person was in when erased; 404 before the erasure and "
                    + "for anyone else. The gateway composes the three services' statuses at the same path.")
    @APIResponse(responseCode = "200", description = "The erasure record",
            content = @Content(schema = @Schema(implementation = ErasureView.class),
                    examples = @ExampleObject(name = "erasure", value = Examples.ERASURE)))
    @APIResponse(responseCode = "400", description = "The id is not a practitioner id.")
    @APIResponse(responseCode = "404", description = "Not erased, or not one the caller may see.")
    public ErasureView erasure(@Parameter(description = "A practitioner id.", schema = @Schema(format = "uuid", maxLength = 36))
            @PathParam("practitionerId") UUID practitionerId) {
        return ErasureView.from(erasures.status(practitionerId));
    }
}
