package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.relationships.service.ReferralService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD})
@Tag(name = "Referrals", description = "A need for mentoring found in coaching is pursued outside it.")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    CurrentUser user;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @Schema(name = "Referral")
    public record ReferralDto(UUID id, UUID fromRelationshipId, RelationshipDto proposal, UUID referredBy, String reason,
                              Instant createdAt) {
    }

    @POST
    @Operation(operationId = "referForMentoring", summary = "Refer a coaching learner for mentoring",
            description = "A participant of an active coaching relationship refers the learner for mentoring: a separate MENTORING "
                    + "proposal is created (all proposal rules apply: capacity, buffer zones, partnerships); the coaching "
                    + "relationship itself does not change.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReferralRequest.class), examples = @ExampleObject(name = "referral", value = Examples.REFERRAL)))
    @APIResponse(responseCode = "201", description = "Referred; the new proposal is in `proposal`",
            content = @Content(schema = @Schema(implementation = ReferralDto.class)))
    @APIResponse(responseCode = "404", description = "The coaching relationship is not found, or not visible to the caller.")
    public Response refer(@NotNull @Valid ReferralRequest body, @HeaderParam("Idempotency-Key") String key) {
        return idempotency.create("referrals.create", key, body, () -> {
            ReferralService.Result r = referrals.refer(body.toCommand(), user.caller());
            return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/relationships").path(r.proposal().id.toString()).build())
                    .entity(new ReferralDto(r.referral().id, r.referral().fromRelationship, RelationshipDto.from(r.proposal()),
                            r.referral().referredBy, r.referral().reason, r.referral().createdAt))
                    .build();
        });
    }
}
