package org.cpd.relationships.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.service.RelationshipQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/relationships/participants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN, Roles.MIS_INTEGRATION})
@Tag(name = "Participants", description = "What this service knows of practitioners from directory events.")
public class ParticipantResource {

    @Inject
    RelationshipQueries queries;

    @GET
    @Path("{practitionerId}")
    @Operation(operationId = "getKnownParticipant", summary = "What this service knows of a practitioner",
            description = "The practitioner as kept from directory events (active, school, partnerships) with their declared "
                    + "capacity and current load per form (pending and active relationships count). 404 when no directory event "
                    + "about them has arrived yet.")
    @APIResponse(responseCode = "200", description = "Known", content = @Content(schema = @Schema(implementation = ParticipantView.class),
            examples = @ExampleObject(name = "mentor", value = """
                    {"practitionerId":"30000000-0000-4000-8000-000000000002","active":true,"schoolUrn":"100001",
                     "partnershipIds":["10000000-0000-4000-8000-000000000001"],
                     "capacity":[{"form":"MENTORING","capacity":2,"paused":false,"load":1,"free":1},
                                 {"form":"SPECIALIST_COACHING","capacity":3,"paused":false,"load":0,"free":3}],
                     "version":1,"updatedAt":"2026-09-01T08:00:00Z"}""")))
    public ParticipantView get(@PathParam("practitionerId") UUID practitionerId) {
        return queries.participant(practitionerId);
    }
}
