package org.cpd.goals.rest;

import io.quarkus.security.Authenticated;
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
import org.cpd.goals.domain.SupportForm;
import org.cpd.goals.service.InsightService;
import org.cpd.goals.service.InsightService.GoalInsight;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The goals part of the insight views: aggregates for partnership admins and school leads. */
@Path("/api/v1/insight")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Insight", description = InsightApi.TAG)
public class InsightResource {

    @Inject
    InsightService service;

    @GET
    @Path("partnerships/{id}")
    @Operation(operationId = "getPartnershipGoalInsight", summary = "Goals insight of a partnership",
            description = """
                    For an admin of the partnership: goals set, by status (achieved, revised, discontinued) and by who set \
                    them; evidence by type and by standard; learners' self-direction per school. Counts from 1 to the \
                    threshold minus one are suppressed and the others rounded (ADR 0041); no goal or evidence content. \
                    Anyone else gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight", content = @Content(schema = @Schema(implementation = GoalInsight.class)))
    public GoalInsight partnership(@PathParam("id") UUID id,
                                   @Parameter(description = "Only goals and evidence of owners of this school (URN)")
                                   @QueryParam("school") @Pattern(regexp = InsightApi.URN) String school,
                                   @Parameter(description = "Only goals and evidence shared with a relationship of this form")
                                   @QueryParam("form") SupportForm form,
                                   @Parameter(description = "Set (goals) or dated (evidence) on or after this day") @QueryParam("from") LocalDate from,
                                   @Parameter(description = "Set (goals) or dated (evidence) on or before this day") @QueryParam("to") LocalDate to) {
        return service.partnership(id, school, form, from, to);
    }

    @GET
    @Path("schools/{idOrUrn}")
    @Operation(operationId = "getSchoolGoalInsight", summary = "Goals insight of a school",
            description = """
                    The partnership view for one school (by URN: the gateway resolves a directory school id), for the \
                    school's leads and the admins of a partnership its goals' owners belong to. Anyone else gets 404.""")
    @APIResponse(responseCode = "200", description = "The insight", content = @Content(schema = @Schema(implementation = GoalInsight.class)))
    public GoalInsight school(@Parameter(description = "The school's URN") @PathParam("idOrUrn") @Pattern(regexp = InsightApi.URN) String urn,
                              @QueryParam("form") SupportForm form,
                              @Parameter(description = "Set (goals) or dated (evidence) on or after this day") @QueryParam("from") LocalDate from,
                              @Parameter(description = "Set (goals) or dated (evidence) on or before this day") @QueryParam("to") LocalDate to) {
        return service.school(urn, form, from, to);
    }
}
