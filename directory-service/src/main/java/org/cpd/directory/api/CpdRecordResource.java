package org.cpd.directory.api;

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
import org.cpd.directory.service.CpdRecordService.CpdRecord;
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
            schema = @Schema(implementation = CpdRecord.class), examples = @ExampleObject(name = "record", value = """
            {"practitionerId":"30000000-0000-4000-8000-000000000002",
             "supported":[{"form":"MENTORING","current":1,"total":3,"conversations":14,"hoursGiven":10.50},
                          {"form":"SPECIALIST_COACHING","current":0,"total":1,"conversations":4,"hoursGiven":3.00},
                          {"form":"CO_COACHING","current":0,"total":0,"conversations":0,"hoursGiven":0.00}],
             "totalHoursGiven":13.50,"pathwayStage":"MENTOR",
             "pathway":[{"step":"BEING_COACHED","reached":true,"relationships":1},{"step":"CO_COACH","reached":true,"relationships":2},
                        {"step":"SPECIALIST_COACH","reached":true,"relationships":1},{"step":"MENTOR","reached":true,"relationships":3}]}""")))
    public CpdRecord get(@PathParam("practitionerId") UUID practitionerId) {
        return service.record(practitionerId);
    }
}
