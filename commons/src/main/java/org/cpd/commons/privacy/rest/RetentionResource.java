package org.cpd.commons.privacy.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.privacy.Retention;
import org.cpd.commons.web.privacy.RetentionReport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's retention dry run, one resource for every service (the rules are the service's
 * {@link org.cpd.commons.privacy.RetentionRule} beans); the gateway composes the three into the one
 * {@code /api/v1/privacy/retention} clients call.
 */
@Path("/api/v1/privacy/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: a person's data, for the person or their partnership's admins")
public class RetentionResource {

    static final String EXAMPLE = """
            {"asOf":"2026-12-01T10:00:00Z","unavailable":[],"kinds":[
              {"service":"relationships-service","kind":"confidential-notes","retention":"PT8760H",
               "countedFrom":"the relationship closing (closed, declined, withdrawn or expired)",
               "outcome":"notes cleared; the conversation kept","cutoff":"2025-12-01T10:00:00Z","due":3,
               "oldest":"2025-06-30T15:00:00Z","enforced":true}]}""";

    @Inject
    Retention retention;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String service;

    @GET
    @Authenticated
    @Operation(operationId = "getRetentionReport", summary = "Retention dry run: what the sweeps apply to next",
            description = "For each kind of data this service keeps for a limited time (docs/data-protection.md): how long "
                    + "it is kept, what that is counted from, what the sweep does, and how many items of the caller's "
                    + "partnerships are due now. Counts only, never content. Partnership admins only; anyone else gets 403.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = RetentionReport.class),
                    examples = @ExampleObject(name = "report", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller is not a partnership admin.")
    public RetentionReport report() {
        var asOf = TrackedEntity.now();
        List<RetentionReport.Kind> kinds = retention.report(asOf).stream()
                .map(r -> new RetentionReport.Kind(service, r.policy().kind(), r.policy().retention().toString(),
                        r.policy().countedFrom(), r.policy().outcome(), r.cutoff(), r.due(), r.oldest(), r.enforced()))
                .toList();
        return new RetentionReport(asOf, kinds, List.of());
    }
}
