package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.service.ParticipantService;
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
    ParticipantService participants;

    @Inject
    CurrentUser user;

    @GET
    @Path("{practitionerId}")
    @Operation(operationId = "getKnownParticipant", summary = "What this service knows of a practitioner",
            description = "The practitioner as kept from directory events (active, school, partnerships) with their declared "
                    + "capacity and current load per form (pending and active relationships count). Visible to the person, school "
                    + "leads of their school, admins of their partnerships and practitioners who could propose a relationship with "
                    + "them in a shared partnership. 404 for anyone else, and when no directory event about them has arrived yet.")
    @APIResponse(responseCode = "200", description = "Known", content = @Content(schema = @Schema(implementation = ParticipantView.class),
            examples = @ExampleObject(name = "mentor", value = Examples.KNOWN_PARTICIPANT)))
    public ParticipantView get(@PathParam("practitionerId") UUID practitionerId) {
        return ParticipantView.from(participants.participant(practitionerId, user.caller()));
    }
}
