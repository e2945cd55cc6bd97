package org.cpd.goals.rest;

import java.util.List;
import java.util.UUID;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.goals.service.PortfolioService.Portfolio;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Portfolio", description = "What the caller may see of one learner's goals, evidence and reviews, for assessment and accreditation.")
public record PortfolioDto(UUID learnerId, List<GoalEntry> goals,
                           @Schema(description = "Visible evidence not linked to any visible goal.") List<EvidenceDto> otherEvidence,
                           List<StandardEntry> evidenceByStandard, SelfDirection selfDirection) {

    @Schema(name = "PortfolioGoal")
    public record GoalEntry(GoalDto goal, List<EvidenceDto> evidence, List<ReviewDtos.ReviewDto> reviews) {
    }

    @Schema(name = "PortfolioStandard")
    public record StandardEntry(String frameworkCode, UUID standardId, String code, String title, List<UUID> evidenceIds) {
    }

    public static PortfolioDto from(Portfolio p) {
        return new PortfolioDto(p.learnerId(),
                p.goals().stream().map(g -> new GoalEntry(GoalDto.from(g.goal()),
                        g.evidence().stream().map(e -> EvidenceDto.from(e, p.attachments())).toList(),
                        g.reviews().stream().map(ReviewDtos.ReviewDto::from).toList())).toList(),
                p.unlinkedEvidence().stream().map(e -> EvidenceDto.from(e, p.attachments())).toList(),
                p.byStandard().stream().map(s -> new StandardEntry(s.standard().framework.code, s.standard().id,
                        s.standard().code, s.standard().title, s.evidence().stream().map(e -> e.id).toList())).toList(),
                p.selfDirection());
    }
}
