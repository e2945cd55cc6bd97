package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.cpd.commons.insight.InsightApi;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.InsightService;
import org.cpd.relationships.service.InsightService.RelationshipInsight;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The relationships part of the insight views: aggregates for partnership admins and school leads. */
@Path("/api/v1/insight")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN, Roles.MIS_INTEGRATION})
@Tag(name = "Insight", description = InsightApi.TAG)
public class InsightResource {

    @Inject
    InsightService service;

    @Inject
    CurrentUser user;

    @GET
    @Path("partnerships/{id}")
    @Operation(operationId = "getPartnershipRelationshipInsight", summary = "Relationships insight of a partnership",
            description = """
                    For an admin of the partnership: relationships by form, purpose and status; time from proposal to \
                    activation; proposals expired, declined and withdrawn; referrals; supporters' load against capacity; \
                    protected time per school; co-coaching reciprocity; learners' self-direction per school. Counts from 1 to \
                    the threshold minus one are suppressed and the others rounded (ADR 0041); no confidential content. \
                    Anyone else gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight",
            content = @Content(schema = @Schema(implementation = RelationshipInsight.class)))
    public RelationshipInsight partnership(@PathParam("id") UUID id,
                                           @Parameter(description = "Only relationships with a participant of this school (URN)")
                                           @QueryParam("school") @Pattern(regexp = InsightApi.URN) String school,
                                           @QueryParam("form") SupportForm form,
                                           @Parameter(description = "Proposed on or after this day") @QueryParam("from") LocalDate from,
                                           @Parameter(description = "Proposed on or before this day") @QueryParam("to") LocalDate to) {
        return service.partnership(id, school, form, from, to, user.caller());
    }

    @GET
    @Path("schools/{idOrUrn}")
    @Operation(operationId = "getSchoolRelationshipInsight", summary = "Relationships insight of a school",
            description = """
                    The partnership view for one school (by URN: the gateway resolves a directory school id), for the \
                    school's leads and the admins of a partnership its practitioners belong to. Anyone else gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight",
            content = @Content(schema = @Schema(implementation = RelationshipInsight.class)))
    public RelationshipInsight school(@Parameter(description = "The school's URN") @PathParam("idOrUrn") @Pattern(regexp = InsightApi.URN) String urn,
                                      @QueryParam("form") SupportForm form,
                                      @Parameter(description = "Proposed on or after this day") @QueryParam("from") LocalDate from,
                                      @Parameter(description = "Proposed on or before this day") @QueryParam("to") LocalDate to) {
        return service.school(urn, form, from, to, user.caller());
    }
}
