package org.cpd.gateway.insight;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Insight", description = """
        A partnership's or school's insight view composed from the services' parts with the caller's token: \
        aggregates only, small numbers suppressed by each service (ADR 0041). A part a service could not give is \
        null and listed in `unavailable`.""")
public record InsightView(
        @Schema(required = true, enumeration = {"PARTNERSHIP", "SCHOOL"}) String kind,
        @Schema(description = "The partnership of a partnership view.") String partnershipId,
        @Schema(description = "The school (URN) of a school view, or the school filter of a partnership view.") String schoolUrn,
        @Schema(description = "relationships-service's part (schema RelationshipInsight); null when unavailable.")
        Map<String, Object> relationships,
        @Schema(description = "goals-service's part (schema GoalInsight); null when unavailable.")
        Map<String, Object> goals,
        @Schema(description = "directory-service's part, supporters' load against capacity by form, expertise area and school, "
                + "now (schema SupportLoadInsight); null when unavailable.")
        Map<String, Object> supportLoad,
        @Schema(required = true, description = "Parts that could not be fetched. Empty when everything answered.")
        List<Unavailable> unavailable) {

    @Schema(name = "InsightUnavailablePart")
    public record Unavailable(
            @Schema(required = true, enumeration = {"relationships", "goals", "supportLoad"}) String part,
            @Schema(required = true, description = "The service that should have answered.") String service,
            @Schema(description = "The service's HTTP status, when it answered at all.") Integer status,
            @Schema(required = true, description = "Why the part is missing.", examples = "timeout") String reason) {
    }
}
