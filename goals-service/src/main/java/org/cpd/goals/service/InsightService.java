package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.commons.insight.InsightAccess;
import org.cpd.commons.insight.InsightApi;
import org.cpd.commons.insight.InsightCount;
import org.cpd.commons.insight.InsightPart;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.commons.security.CurrentUser;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.SetBy;
import org.cpd.goals.domain.SupportForm;
import org.cpd.goals.repository.InsightQueries;
import org.cpd.goals.repository.InsightQueries.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The goals part of the partnership and school insight views: goals set, achieved,
 * revised and discontinued, who set them, evidence by type and by standard, and learners'
 * self-direction from the order their goals were set. Every count through small-number suppression
 * (ADR 0041); no title, aspiration, criteria or reflection is read.
 */
@ApplicationScoped
public class InsightService extends InsightPart {

    @Inject
    InsightQueries queries;

    @Inject
    CurrentUser user;

    @Schema(name = "GoalInsightScope", description = "What the view covers: the filters as applied.")
    public record InsightScope(@Schema(enumeration = {"PARTNERSHIP", "SCHOOL"}, required = true) String kind,
                               UUID partnershipId, String schoolUrn, SupportForm form, LocalDate from, LocalDate to) {
    }

    @Schema(name = "GoalInsight", description = """
            The goals part of an insight view: aggregates only, every count suppressed when small and rounded otherwise \
            (ADR 0041). Goals are in scope when set within `from`..`to` (inclusive), evidence when dated within it; both \
            are counted under the owner's schools and partnerships as recorded with them.""")
    public record GoalInsight(@Schema(required = true) InsightScope scope,
                              @Schema(required = true, description = InsightApi.AS_OF) Instant asOf,
                              @Schema(required = true, description = InsightApi.SUPPRESSION_THRESHOLD) int suppressionThreshold,
                              @Schema(required = true, description = "Goals set in scope.") InsightCount goalsSet,
                              @Schema(required = true) List<StatusCell> goalsByStatus,
                              @Schema(required = true) List<SetByCell> goalsBySetBy,
                              @Schema(required = true) List<TypeCell> evidenceByType,
                              @Schema(required = true, description = "Standards with evidence mapped to them.") List<StandardCell> evidenceByStandard,
                              @Schema(required = true) List<SelfDirectionRow> selfDirection) {
    }

    @Schema(name = "InsightGoalStatusCell")
    public record StatusCell(@Schema(required = true) GoalStatus status, @Schema(required = true) InsightCount goals) {
    }

    @Schema(name = "InsightSetByCell")
    public record SetByCell(@Schema(required = true) SetBy setBy, @Schema(required = true) InsightCount goals) {
    }

    @Schema(name = "InsightEvidenceTypeCell")
    public record TypeCell(@Schema(required = true) EvidenceType type, @Schema(required = true) InsightCount evidence) {
    }

    @Schema(name = "InsightStandardCell")
    public record StandardCell(@Schema(required = true) String framework, @Schema(required = true) String standard,
                               @Schema(required = true) InsightCount evidence) {
    }

    @Schema(name = "InsightGoalsSelfDirection", description = """
            Learners by the direction of their self-direction (ADR 0041): the learner share of the later half of their \
            goals against the earlier half, in the order the goals were set.""")
    public record SelfDirectionRow(String schoolUrn, @Schema(required = true) InsightCount learners,
                                   @Schema(required = true) InsightCount rising, @Schema(required = true) InsightCount steady,
                                   @Schema(required = true) InsightCount falling, @Schema(required = true) InsightCount notEnoughData) {
    }

    @Transactional
    public GoalInsight partnership(UUID partnership, String school, SupportForm form, LocalDate from, LocalDate to) {
        InsightAccess.checkRange(from, to);
        Scope scope = new Scope(partnership, school, form, from, to);
        return partnershipView(user.caller(), partnership, scope,
                () -> view(scope, new InsightScope("PARTNERSHIP", partnership, school, form, from, to)));
    }

    @Transactional
    public GoalInsight school(String urn, SupportForm form, LocalDate from, LocalDate to) {
        InsightAccess.checkRange(from, to);
        Scope scope = new Scope(null, urn, form, from, to);
        return schoolView(user.caller(), urn, queries::partnershipsOfSchool, scope,
                () -> view(scope, new InsightScope("SCHOOL", null, urn, form, from, to)));
    }

    private GoalInsight view(Scope scope, InsightScope described) {
        List<InsightQueries.StatusRow> rows = queries.goalsByStatusAndSetter(scope);
        Map<String, Long> byStatus = rows.stream().filter(r -> r.status() != null)
                .collect(Collectors.toMap(InsightQueries.StatusRow::status, InsightQueries.StatusRow::goals));
        Map<String, Long> bySetBy = rows.stream().filter(r -> r.setBy() != null)
                .collect(Collectors.toMap(InsightQueries.StatusRow::setBy, InsightQueries.StatusRow::goals));
        long set = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byType = queries.evidenceByType(scope).stream()
                .collect(Collectors.toMap(InsightQueries.TypeRow::type, InsightQueries.TypeRow::evidence));
        return new GoalInsight(described, Instant.now(), suppression.threshold(), suppression.count(set),
                Arrays.stream(GoalStatus.values()).map(s -> new StatusCell(s, count(byStatus, s.name()))).toList(),
                Arrays.stream(SetBy.values()).map(s -> new SetByCell(s, count(bySetBy, s.name()))).toList(),
                Arrays.stream(EvidenceType.values()).map(t -> new TypeCell(t, count(byType, t.name()))).toList(),
                queries.evidenceByStandard(scope).stream()
                        .map(r -> new StandardCell(r.framework(), r.standard(), suppression.count(r.evidence()))).toList(),
                queries.selfDirection(scope, SelfDirection.STEADY_BAND).stream()
                        .map(r -> new SelfDirectionRow(r.schoolUrn(), suppression.count(r.learners()), suppression.count(r.rising()),
                                suppression.count(r.steady()), suppression.count(r.falling()), suppression.count(r.notEnoughData())))
                        .toList());
    }

    private InsightCount count(Map<String, Long> counts, String key) {
        return suppression.count(counts.getOrDefault(key, 0L));
    }
}
