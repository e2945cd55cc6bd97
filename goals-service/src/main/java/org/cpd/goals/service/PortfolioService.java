package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.Standard;

/**
 * A learner's portfolio for assessment and accreditation: exactly what the caller may see of
 * their goals, evidence and reviews (the same {@link AccessPolicy} as every other read), evidence
 * grouped by standard, and the self-direction trend.
 */
@ApplicationScoped
@Transactional
public class PortfolioService {

    /** Enough for years of goals; a portfolio is a document, not a sync feed. */
    static final int MAX_ITEMS = 1000;

    @Inject
    AccessPolicies access;

    @Inject
    EvidenceService evidenceService;

    @Inject
    AuditLog audit;

    public record GoalEntry(Goal goal, List<Evidence> evidence, List<GoalReview> reviews) {
    }

    public record StandardEntry(Standard standard, List<Evidence> evidence) {
    }

    public record Portfolio(UUID learnerId, List<GoalEntry> goals, List<Evidence> unlinkedEvidence,
                            List<StandardEntry> byStandard, Map<UUID, List<Attachment>> attachments,
                            SelfDirection selfDirection) {
    }

    public Portfolio of(UUID learnerId) {
        AccessPolicy policy = access.current();
        AccessPolicy.Predicate goalsSeen = policy.readableWhere("Goal");
        Map<String, Object> params = new LinkedHashMap<>(goalsSeen.params());
        params.put("learner", learnerId);
        List<Goal> goals = Goal.<Goal>find("ownerId = :learner and " + goalsSeen.jpql() + " order by createdAt", params)
                .range(0, MAX_ITEMS - 1).list();
        AccessPolicy.Predicate evidenceSeen = policy.readableWhere("Evidence");
        Map<String, Object> eParams = new LinkedHashMap<>(evidenceSeen.params());
        eParams.put("learner", learnerId);
        List<Evidence> evidence = Evidence.<Evidence>find("ownerId = :learner and " + evidenceSeen.jpql()
                + " order by occurredOn, id", eParams).range(0, MAX_ITEMS - 1).list();
        boolean owner = policy.caller().isSelf(learnerId);
        if (!owner && goals.isEmpty() && evidence.isEmpty()) {
            throw RuleViolation.notFound("portfolio", learnerId); // nothing shared: do not reveal the learner
        }
        if (!owner) {
            audit.entry("read", "portfolio", learnerId).about(learnerId, null).inCallersPartnerships()
                    .details(goals.size() + " goals, " + evidence.size() + " evidence").record();
        }

        Map<UUID, List<GoalReview>> reviews = new LinkedHashMap<>();
        if (!goals.isEmpty()) {
            List<GoalReview> all = GoalReview.list("goalId in ?1 order by reviewedOn, createdAt",
                    goals.stream().map(g -> g.id).toList());
            all.forEach(r -> reviews.computeIfAbsent(r.goalId, k -> new ArrayList<>()).add(r));
        }
        List<GoalEntry> goalEntries = goals.stream().map(g -> new GoalEntry(g,
                evidence.stream().filter(e -> e.goalIds.contains(g.id)).toList(),
                reviews.getOrDefault(g.id, List.of()))).toList();
        List<UUID> shownGoalIds = goals.stream().map(g -> g.id).toList();
        List<Evidence> unlinked = evidence.stream().filter(e -> e.goalIds.stream().noneMatch(shownGoalIds::contains)).toList();

        Map<UUID, List<Evidence>> byStandardId = new LinkedHashMap<>();
        evidence.forEach(e -> e.standardIds.forEach(s -> byStandardId.computeIfAbsent(s, k -> new ArrayList<>()).add(e)));
        List<StandardEntry> byStandard = byStandardId.entrySet().stream()
                .map(en -> new StandardEntry(Standard.findById(en.getKey()), en.getValue()))
                .sorted(Comparator.comparing((StandardEntry s) -> s.standard().framework.code)
                        .thenComparingInt(s -> s.standard().position))
                .toList();

        // the order in which the goals were set, not calendar periods (ADR 0041)
        SelfDirection trend = SelfDirection.of(goals.stream()
                .sorted(Comparator.comparing((Goal g) -> g.createdAt).thenComparing(g -> g.id))
                .map(g -> new SelfDirection.Point(g.createdAt, g.setBy.name())).toList());
        return new Portfolio(learnerId, goalEntries, unlinked, byStandard,
                evidenceService.attachmentsOf(evidence.stream().map(e -> e.id).toList()), trend);
    }
}
