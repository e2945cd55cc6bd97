package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.service.PartnershipSettingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether a partnership lets its practitioners work in relationships across partnerships (default: no). */
@Path("/api/v1/relationships/partnership-settings/{partnershipId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partnership settings")
public class PartnershipSettingResource {

    @Inject
    PartnershipSettingService settings;

    @Inject
    CurrentUser user;

    @Schema(name = "PartnershipSetting")
    public record Setting(UUID partnershipId, @NotNull Boolean allowsCrossPartnership) {
    }

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER})
    @Operation(operationId = "getPartnershipSetting", summary = "Cross-partnership setting",
            description = "Whether the partnership allows relationships across partnerships; false until an admin allows it.")
    @APIResponse(responseCode = "200", description = "The setting")
    public Setting get(@PathParam("partnershipId") UUID partnershipId) {
        return new Setting(partnershipId, settings.allowsCrossPartnership(partnershipId));
    }

    @PUT
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "putPartnershipSetting", summary = "Allow or forbid cross-partnership relationships",
            description = "By an admin of that partnership. A relationship across partnerships needs every partnership involved to allow it.")
    @APIResponse(responseCode = "200", description = "The setting")
    public Setting put(@PathParam("partnershipId") UUID partnershipId, @NotNull Setting body) {
        return new Setting(partnershipId, settings.setCrossPartnership(partnershipId, body.allowsCrossPartnership(), user.caller()));
    }
}
