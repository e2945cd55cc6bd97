package org.cpd.goals.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.privacy.SubjectPath;
import org.cpd.goals.service.ErasureStatusService;
import org.cpd.goals.service.SubjectAccessService;
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
@Tag(name = "Privacy", description = "Subject access: a person's data, for the person or their partnership's admins")
public class PrivacyResource {

    @Inject
    SubjectAccessService service;

    @Inject
    ErasureStatusService erasures;

    @GET
    @Path("{practitionerId}/export")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "exportSubjectGoalsData", summary = "Export a person's goals and evidence",
            description = "goals-service's part of a subject access export (the gateway composes the three services' parts "
                    + "at the same path). For the person themselves (`me` works too) or an admin of a partnership their "
                    + "goals or evidence were recorded in; anyone else gets 404 (docs/adr/0042-subject-access-export.md). "
                    + "Every export is audited (action `export`).")
    @APIResponse(responseCode = "200", description = "The person's goals, evidence and reviews",
            content = @Content(schema = @Schema(implementation = SubjectExportDto.class),
                    examples = @ExampleObject(name = "export", value = Examples.SUBJECT_EXPORT)))
    @APIResponse(responseCode = "400", description = "The id is neither a practitioner id nor `me`.")
    @APIResponse(responseCode = "404", description = "No such person, or not one the caller may export.")
    public SubjectExportDto export(@BeanParam SubjectPath subject) {
        return SubjectExportDto.from(service.export(subject.ref()), Instant.now());
    }

    @GET
    @Path("{practitionerId}/erasure")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getSubjectGoalsErasure", summary = "goals-service's erasure of a person",
            description = "Applied when the directory's `cpd.directory.practitioner-erased.v1` arrives. For an admin of a "
                    + "partnership the person was in when erased; 404 until the event is applied and for anyone else. "
                    + "The gateway composes the three services' statuses at the same path.")
    @APIResponse(responseCode = "200", description = "The erasure as applied here",
            content = @Content(schema = @Schema(implementation = ErasureDto.class),
                    examples = @ExampleObject(name = "erasure", value = Examples.ERASURE)))
    @APIResponse(responseCode = "400", description = "The id is not a practitioner id.")
    @APIResponse(responseCode = "404", description = "Not erased here (yet), or not one the caller may see.")
    public ErasureDto erasure(@Parameter(description = "A practitioner id.", schema = @Schema(format = "uuid", maxLength = 36))
            @PathParam("practitionerId") UUID practitionerId) {
        return ErasureDto.from(erasures.status(practitionerId));
    }
}
