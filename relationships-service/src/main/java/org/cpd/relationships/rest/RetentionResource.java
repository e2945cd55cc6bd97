package org.cpd.relationships.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.service.ConfidentialNotesRetention;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dry run of the retention sweep, for a partnership admin (docs/data-protection.md, retention defaults). */
@Path("/api/v1/relationships/retention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "Subject access: a person's data, for the person or their partnership's admins")
public class RetentionResource {

    @Schema(name = "RetentionReport", description = "What the retention sweep clears next in the caller's partnerships.")
    public record RetentionReportDto(
            @Schema(required = true, description = "The kind of data.", examples = "confidential-notes") String kind,
            @Schema(required = true, description = "How long it is kept after its relationship ended (ISO 8601).",
                    examples = "PT8760H", maxLength = 64) String retention,
            @Schema(required = true, description = "Relationships that ended before this instant are past retention.")
            Instant cutoff,
            @Schema(required = true, description = "Conversations whose confidential notes the next sweep clears.",
                    minimum = "0", maximum = "9223372036854775807") long due,
            @Schema(description = "When the longest-ended of those relationships ended; null when none is due.")
            Instant oldestEnd,
            @Schema(required = true, description = "Whether the sweep runs (cpd.relationships.retention-enabled); "
                    + "when false this is the report of what it would clear.") boolean enforced) {
    }

    @Inject
    ConfidentialNotesRetention retention;

    @GET
    @RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.PRACTITIONER, Roles.MIS_INTEGRATION})
    @Operation(operationId = "getRetentionReport", summary = "Retention dry run: confidential notes due for clearing",
            description = "How many conversations of the caller's partnerships hold confidential notes past their retention "
                    + "(a configured time after the relationship ended: closed, declined, withdrawn or expired), which the "
                    + "hourly sweep clears; the conversation itself is kept. Counts only, never content. Partnership admins "
                    + "only; anyone else gets 403.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = RetentionReportDto.class),
                    examples = @ExampleObject(name = "report", value = """
                            {"kind":"confidential-notes","retention":"PT8760H","cutoff":"2025-12-01T10:00:00Z","due":3,
                             "oldestEnd":"2025-06-30T15:00:00Z","enforced":true}""")))
    @APIResponse(responseCode = "403", description = "The caller is not a partnership admin.")
    public RetentionReportDto report() {
        ConfidentialNotesRetention.Report r = retention.report(Instant.now());
        return new RetentionReportDto(r.kind(), r.retention().toString(), r.cutoff(), r.due(), r.oldestEnd(), r.enforced());
    }
}
