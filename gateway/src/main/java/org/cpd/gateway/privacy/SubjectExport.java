package org.cpd.gateway.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.quarkus.qute.TemplateData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubjectExport", description = "One archive of a person's data across the services (subject access), "
        + "each service's part as that service gave it to the caller. A part a service could not give is null and "
        + "listed in `unavailable`; `complete` is true only when every service gave its part.")
@TemplateData
public record SubjectExport(
        @Schema(description = "Whose data this is.", examples = "30000000-0000-4000-8000-000000000003")
        String practitionerId,
        @Schema(description = "When the gateway composed the archive.") Instant exportedAt,
        @Schema(description = "Who asked for it.") RequestedBy requestedBy,
        @Schema(description = "Whether every service gave its part.") boolean complete,
        @Schema(description = "directory-service's part: the person's record, account, appointments, support offer, "
                + "CPD record and who they manage; null when unavailable.")
        Map<String, Object> directory,
        @Schema(description = "relationships-service's part: relationships, agreements, conversations and action "
                + "points; null when unavailable.")
        Map<String, Object> relationships,
        @Schema(description = "goals-service's part: goals, evidence, attachments' metadata and reviews; null when "
                + "unavailable.")
        Map<String, Object> goals,
        @Schema(description = "Parts that are missing, and why. Empty when the archive is complete.")
        List<Unavailable> unavailable) {

    @TemplateData
    @Schema(name = "SubjectExportRequester")
    public record RequestedBy(
            @Schema(description = "The token's subject.") String subject,
            @Schema(description = "The client the token was issued to (azp).", examples = "cpd-portal") String clientId,
            @Schema(description = "The requester's practitioner id, when they are one.") String practitionerId) {
    }

    @TemplateData
    @Schema(name = "SubjectExportUnavailablePart")
    public record Unavailable(
            @Schema(description = "The service whose part is missing.", examples = "goals",
                    enumeration = {"directory", "relationships", "goals"}) String service,
            @Schema(description = "The service's HTTP status, when it answered at all.", examples = "404") Integer status,
            @Schema(description = "Why the part is missing: `timeout`, `unreachable`, `not-routed`, `status-<code>` (a 404 "
                    + "is a service that does not give this caller the part, e.g. goals-service to a partnership admin), "
                    + "or `unreadable-body`.", examples = "timeout") String reason) {
    }
}
