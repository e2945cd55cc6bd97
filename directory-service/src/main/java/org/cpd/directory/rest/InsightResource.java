package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.commons.insight.InsightApi;
import org.cpd.commons.security.Roles;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.service.InsightService;
import org.cpd.directory.service.InsightService.SupportLoadInsight;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The directory part of the insight views: supporters' load against capacity, for partnership admins and school leads. */
@Path("/api/v1/insight")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN, Roles.MIS_INTEGRATION})
@Tag(name = "Insight", description = InsightApi.TAG)
public class InsightResource {

    @Inject
    InsightService service;

    @GET
    @Path("partnerships/{id}")
    @Operation(operationId = "getPartnershipSupportLoadInsight", summary = "Supporters' load insight of a partnership",
            description = """
                    For an admin of the partnership: supporters with an offer, their declared capacity, the places taken and \
                    free, and how many are overloaded or at capacity, per form, per expertise area and form, and per school \
                    and form, now (load has no date range). Counts from 1 to the threshold minus one are suppressed and the \
                    others rounded (ADR 0041); no name, profile or accreditation. Anyone else gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight", content = @Content(
            schema = @Schema(implementation = SupportLoadInsight.class),
            examples = @ExampleObject(name = "load", value = Examples.SUPPORT_LOAD_INSIGHT)))
    @APIResponse(responseCode = "404", description = "No such partnership that the caller may see.")
    public SupportLoadInsight partnership(@PathParam("id") UUID id,
                                          @Parameter(description = "Only supporters of this school (URN)")
                                          @QueryParam("school") @Pattern(regexp = InsightApi.URN) String school,
                                          @Parameter(description = "Only this form of support") @QueryParam("form") SupportForm form) {
        return service.partnership(id, school, form);
    }

    @GET
    @Path("schools/{idOrUrn}")
    @Operation(operationId = "getSchoolSupportLoadInsight", summary = "Supporters' load insight of a school",
            description = """
                    The partnership view for the supporters of one school (by URN: the gateway resolves a directory school \
                    id), for the school's leads and the admins of a partnership the school belongs to. Anyone else, and a \
                    school the directory does not know, gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight", content = @Content(
            schema = @Schema(implementation = SupportLoadInsight.class)))
    @APIResponse(responseCode = "404", description = "No such school that the caller may see.")
    public SupportLoadInsight school(@Parameter(description = "The school's URN") @PathParam("idOrUrn")
                                     @Pattern(regexp = InsightApi.URN) String urn,
                                     @Parameter(description = "Only this form of support") @QueryParam("form") SupportForm form) {
        return service.school(urn, form);
    }
}
