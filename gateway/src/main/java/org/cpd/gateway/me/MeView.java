package org.cpd.gateway.me;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

@Schema(name = "Me", description = "The caller's own overview, composed from the three services with the caller's token.")
public record MeView(
        @Schema(description = "The token's subject.", examples = "f7c1a6d2-0c51-4ad4-9e55-2b0b1f7c9d10")
        String subject,
        @Schema(description = "The client the token was issued to (azp).", examples = "cpd-portal")
        String clientId,
        @Schema(description = "The practitioner id from the token, if the caller is a practitioner.",
                examples = "30000000-0000-4000-8000-000000000003")
        String practitionerId,
        @Schema(description = "The practitioner's profile from directory-service; null when unavailable.")
        Map<String, Object> profile,
        @Schema(description = "The caller's ACTIVE relationships (relationships-service).")
        List<Map<String, Object>> relationships,
        @Schema(description = "The caller's ACTIVE goals (goals-service).")
        List<Map<String, Object>> goals,
        @Schema(description = "Upcoming learning conversations the caller takes part in (relationships-service).")
        List<Map<String, Object>> upcomingConversations,
        @Schema(description = "Open action points the caller owns (relationships-service).")
        List<Map<String, Object>> actionsDue,
        @Schema(description = "Parts that could not be fetched; their fields are null. Empty when everything answered.")
        List<Unavailable> unavailable) {

    @Schema(name = "MeUnavailablePart")
    public record Unavailable(
            @Schema(description = "Which part is missing.", examples = "goals",
                    enumeration = {"profile", "relationships", "goals", "upcomingConversations", "actionsDue"})
            String part,
            @Schema(description = "The service that should have answered.", examples = "goals")
            String service,
            @Schema(description = "The service's HTTP status, when it answered at all.", examples = "503")
            Integer status,
            @Schema(description = "Why the part is missing.", examples = "timeout")
            String reason) {
    }
}
