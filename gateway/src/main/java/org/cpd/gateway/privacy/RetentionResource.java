package org.cpd.gateway.privacy;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.privacy.RetentionReport;
import org.cpd.gateway.routing.CallerResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The retention dry run of the whole suite: each service's kinds of data kept for a limited time, in one report. */
@Path("/api/v1/privacy/retention")
@Tag(name = "Privacy", description = "Subject access and erasure: a person's data, for the person or their partnership's admins")
@Authenticated
public class RetentionResource extends CallerResource {

    @Inject
    RetentionComposer composer;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "getRetentionReport", summary = "Retention dry run: what the sweeps apply to next",
            description = "For a partnership admin: every kind of data the services keep for a limited time "
                    + "(docs/data-protection.md, retention defaults) with its period, what the period is counted from, "
                    + "what the hourly sweep does, and how many items of the caller's partnerships are due now. Counts only, "
                    + "never content. Each service is asked in parallel; one that does not answer is listed in "
                    + "`unavailable` and its kinds are missing. Anyone but a partnership admin gets 403.")
    @APIResponse(responseCode = "200", description = "The report, possibly without the kinds of a service that did not answer.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionReport.class),
                    examples = @ExampleObject(name = "report", value = """
                            {"asOf":"2026-12-01T10:00:00Z","unavailable":["goals"],"kinds":[
                              {"service":"relationships-service","kind":"confidential-notes","retention":"PT8760H",
                               "countedFrom":"the relationship closing (closed, declined, withdrawn or expired)",
                               "outcome":"notes cleared; the conversation kept","cutoff":"2025-12-01T10:00:00Z","due":3,
                               "oldest":"2025-06-30T15:00:00Z","enforced":true}]}""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token.")
    @APIResponse(responseCode = "403", description = "The caller is not a partnership admin.")
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After.")
    @APIResponse(responseCode = "503", description = "No service answered.")
    public Uni<Response> report() {
        return composer.report(bearer(), requestId()).map(outcome -> {
            if (outcome.refusal() != null) {
                return relay(outcome.refusal(), Problem.MEDIA_TYPE);
            }
            return Response.ok(outcome.report(), MediaType.APPLICATION_JSON_TYPE).build();
        });
    }
}
