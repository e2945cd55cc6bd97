package org.cpd.commons.web.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as every service serves it and the gateway merges them (the one wire shape). */
@Schema(name = "AuditEntry", description = "Who read or changed protected data: when, from which client, why, and whose data it was.")
public record AuditEntryView(
        @Schema(description = "The service that recorded the entry.", required = true, examples = "directory-service", maxLength = 64)
        String service,
        @Schema(description = "The entry's place in its service's log; with occurredAt, the reading order.", examples = "1042", minimum = "1", required = true)
        long sequence,
        @Schema(description = "When it happened.", required = true, examples = "2026-11-30T09:15:02.123456Z")
        Instant occurredAt,
        @Schema(description = "The caller's principal name (the token's preferred_username, else its subject).", required = true, examples = "lead.demo", maxLength = 255)
        String actor,
        @Schema(description = "The caller's practitioner id, when the caller is a practitioner.",
                examples = "30000000-0000-4000-8000-000000000001")
        UUID actorPractitionerId,
        @Schema(description = "The OAuth client the caller's token was issued to (azp).", examples = "cpd-portal", maxLength = 255)
        String clientId,
        @Schema(description = "What was done.", required = true, examples = "read", maxLength = 64)
        String action,
        @Schema(description = "The kind of record.", required = true, examples = "practitioner", maxLength = 64)
        String resourceType,
        @Schema(description = "The record's id.", required = true, examples = "30000000-0000-4000-8000-000000000003", maxLength = 255)
        String resourceId,
        @Schema(description = "The practitioner whose data it is, when there is one.",
                examples = "30000000-0000-4000-8000-000000000003")
        UUID subjectPersonId,
        @Schema(description = "The partnerships the entry belongs to (their admins may read it).", required = true, maxItems = 1000)
        List<UUID> partnershipIds,
        @Schema(description = "Why, in the caller's words (e.g. a buffer-zone override's reason).", maxLength = 10000)
        String reason,
        @Schema(description = "What the service adds about the access.", examples = "shared WITH_SUPPORTERS", maxLength = 10000)
        String details,
        @Schema(description = "The X-Request-Id of the request that did it.", examples = "req-4711", maxLength = 255)
        String requestId) {
}
