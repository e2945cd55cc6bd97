package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.domain.ActivityCatalogue;
import org.cpd.relationships.domain.SupportForm;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activity-catalogue")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN, Roles.MIS_INTEGRATION})
@Tag(name = "Activity catalogue", description = "Activities of learning conversations per form.")
public class CatalogueResource {

    @GET
    @Operation(operationId = "listActivities", summary = "Activities per form",
            description = "The codes a conversation's `activities` may use; with `form`, only that form's.")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(examples = @ExampleObject(name = "co-coaching", value = Examples.ACTIVITIES_CO_COACHING)))
    public List<ActivityCatalogue.Activity> list(@QueryParam("form") SupportForm form) {
        return form == null ? ActivityCatalogue.all() : ActivityCatalogue.forForm(form);
    }
}
