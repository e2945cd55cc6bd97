package org.cpd.gateway.audit;

import java.util.List;
import org.cpd.commons.web.audit.AuditEntryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditFeed", description = "The audit entries of every service the caller may read, merged oldest first.")
public record AuditFeed(
        @Schema(description = "Entries in (occurredAt, service, sequence) order.", required = true, maxItems = 200)
        List<AuditEntryView> items,
        @Schema(description = "Cursor of the next page; null when every service's log has been read to its end.",
                maxLength = CompositeCursor.MAX_LENGTH)
        String nextCursor,
        @Schema(description = "Services that did not answer: their entries are missing from this page and the cursor "
                + "keeps their place, so a later page (or this one again) reads them. Empty when all answered.",
                required = true, maxItems = 10)
        List<Unavailable> unavailable) {

    @Schema(name = "AuditUnavailableService")
    public record Unavailable(
            @Schema(description = "The service that should have answered.", examples = "goals", maxLength = 64, required = true)
            String service,
            @Schema(description = "The service's HTTP status, when it answered at all.", examples = "503",
                    minimum = "100", maximum = "599")
            Integer status,
            @Schema(description = "Why its entries are missing.", examples = "timeout", maxLength = 64, required = true)
            String reason) {
    }
}
