package org.cpd.commons.web.privacy;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The retention dry run as every service serves it and the gateway composes it (the one wire shape). */
@Schema(name = "RetentionReport", description = "What the retention sweeps apply to next in the caller's partnerships, "
        + "kind by kind: counts only, never content.")
public record RetentionReport(
        @Schema(description = "When the report was made; each cutoff is this instant less the kind's retention.", required = true)
        Instant asOf,
        @Schema(description = "Each kind of data kept for a limited time.", required = true, maxItems = 100)
        List<Kind> kinds,
        @Schema(description = "Services that did not answer (the gateway's report only); their kinds are missing.",
                required = true, maxItems = 10, examples = "[]")
        List<String> unavailable) {

    @Schema(name = "RetentionKind", description = "One kind of data: how long it is kept, and what is due now.")
    public record Kind(
            @Schema(description = "The service that keeps it.", required = true, examples = "relationships-service", maxLength = 64)
            String service,
            @Schema(description = "The kind of data.", required = true, examples = "confidential-notes", maxLength = 64)
            String kind,
            @Schema(description = "How long it is kept (ISO 8601).", required = true, examples = "PT8760H", maxLength = 64)
            String retention,
            @Schema(description = "What the period is counted from.", required = true,
                    examples = "the relationship closing (closed, declined, withdrawn or expired)", maxLength = 255)
            String countedFrom,
            @Schema(description = "What the sweep does to what is due.", required = true,
                    examples = "notes cleared; the conversation kept", maxLength = 255)
            String outcome,
            @Schema(description = "Items whose period started before this instant are due.", required = true)
            Instant cutoff,
            @Schema(description = "How many items of the caller's partnerships the next sweep applies to.", required = true,
                    minimum = "0", maximum = "9223372036854775807")
            long due,
            @Schema(description = "When the period of the oldest due item started; null when none is due.")
            Instant oldest,
            @Schema(description = "Whether the sweep runs (cpd.retention.enabled); when false this is what it would do.",
                    required = true)
            boolean enforced) {
    }
}
