package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.directory.service.CpdRecordService;
import org.cpd.directory.domain.CpdRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/cpd-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "CPD records", description = "Mentors' and coaches' own professional learning from supporting others")
public class CpdRecordResource {

    @Inject
    CpdRecordService service;

    @GET
    @Path("{practitionerId}")
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "getCpdRecord", summary = "A supporter's CPD record",
            description = "Relationships supported per form (current and total), conversations and hours given (from "
                    + "relationship and conversation events), and where the practitioner stands on the pathway being coached "
                    + "→ co-coach → specialist coach → mentor. For the practitioner, their school's leads and the partnership's admins.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(
            schema = @Schema(implementation = CpdRecord.class), examples = @ExampleObject(name = "record", value = Examples.CPD_RECORD)))
    public CpdRecord get(@PathParam("practitionerId") UUID practitionerId) {
        return service.record(practitionerId);
    }
}
