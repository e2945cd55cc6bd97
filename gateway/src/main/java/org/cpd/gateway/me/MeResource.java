package org.cpd.gateway.me;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cpd.gateway.web.Claims;
import org.cpd.gateway.routing.CallerResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Tag(name = "me", description = "The caller's own overview across services.")
@Authenticated
public class MeResource extends CallerResource {

    @Inject
    MeComposer composer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getMe", summary = "My overview",
            description = "The caller's profile, active relationships, active goals, upcoming conversations and "
                    + "open action points, fetched in parallel from the services with the caller's own token. "
                    + "A part that a service cannot provide in time is left null and listed in `unavailable`; "
                    + "the call itself still succeeds.")
    @APIResponse(responseCode = "200", description = "The overview (possibly with unavailable parts).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MeView.class),
                    examples = @ExampleObject(name = "goalsDown", value = """
                            {"subject":"5b0c7e0e-6f1e-4d7a-9d0e-1f3c2b4a5d6e","clientId":"cpd-portal",
                             "practitionerId":"30000000-0000-4000-8000-000000000003",
                             "profile":{"id":"30000000-0000-4000-8000-000000000003","displayName":"Teacher Demo"},
                             "relationships":[{"id":"40000000-0000-4000-8000-000000000001","form":"SPECIALIST_COACHING"}],
                             "goals":null,
                             "upcomingConversations":[],
                             "actionsDue":[],
                             "unavailable":[{"part":"goals","service":"goals","status":503,"reason":"status-503"}]}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    public Uni<MeView> me() {
        return composer.compose(jwt.getSubject(), Claims.string(jwt, "azp"), Claims.string(jwt, "practitioner_id"), bearer(), requestId());
    }
}
