package org.cpd.directory.rest.dto;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.MatchRanking;
import org.cpd.directory.domain.SupportForm;
import org.cpd.directory.domain.SupporterCandidate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class MatchDtos {

    private MatchDtos() {
    }

    @Schema(name = "Supporter", description = "A supporter's public profile and offer (no email, no management links).")
    public record SupporterView(UUID practitionerId, String fullName, CareerStage careerStage, String schoolUrn,
                                String schoolName, UUID organisationId, Set<String> subjects, Set<String> phases,
                                List<OfferDtos.FormView> forms, Set<String> mentoringPurposes, Set<String> expertiseCodes,
                                OfferDtos.Availability availability, Set<String> workModes, String profile) {

        public static SupporterView from(SupporterCandidate c) {
            List<OfferDtos.FormView> forms = c.forms().entrySet().stream()
                    .map(e -> new OfferDtos.FormView(e.getKey(), e.getValue().capacity(), c.load(e.getKey()),
                            c.freeCapacity(e.getKey()), e.getValue().accreditation()))
                    .toList();
            return new SupporterView(c.id(), c.fullName(), c.careerStage(), c.schoolUrn(), c.schoolName(), c.organisationId(),
                    new TreeSet<>(c.subjects()), new TreeSet<>(c.phases()), forms, new TreeSet<>(c.mentoringPurposes()),
                    new TreeSet<>(c.expertiseCodes()),
                    new OfferDtos.Availability(OfferDtos.enumSet(org.cpd.directory.domain.Term.class, c.terms().toArray(String[]::new)),
                            OfferDtos.enumSet(org.cpd.directory.domain.Weekday.class, c.weekdays().toArray(String[]::new))),
                    new TreeSet<>(c.workModes()), c.profile());
        }
    }

    @Schema(name = "MatchReason", description = "One reason a candidate scored: code, points, and words for people.")
    public record ReasonView(String code, int points, String detail) {
    }

    @Schema(name = "MatchCandidate")
    public record CandidateView(int rank, UUID practitionerId, String fullName, CareerStage careerStage, String schoolUrn,
                                String schoolName, UUID organisationId, int score, int capacity, int freeCapacity,
                                List<ReasonView> reasons, List<String> flags) {
    }

    @Schema(name = "MatchExclusion", description = "Someone left out, and why (only with explain=true).")
    public record ExclusionView(UUID practitionerId, String fullName, MatchRanking.Exclusion reason, String detail) {
    }

    @Schema(name = "MatchResult")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record MatchResult(UUID learnerId, SupportForm form, int considered, List<CandidateView> candidates,
                              List<ExclusionView> excluded, Map<MatchRanking.Exclusion, Integer> excludedCounts) {

        public static MatchResult from(UUID learnerId, SupportForm form, MatchRanking.Result r, boolean explain) {
            int[] rank = {0};
            List<CandidateView> candidates = r.ranked().stream().map(x -> new CandidateView(++rank[0], x.supporter().id(),
                    x.supporter().fullName(), x.supporter().careerStage(), x.supporter().schoolUrn(), x.supporter().schoolName(),
                    x.supporter().organisationId(), x.score(), x.capacity(), x.freeCapacity(),
                    x.reasons().stream().map(m -> new ReasonView(m.code(), m.points(), m.detail())).toList(), x.flags())).toList();
            List<ExclusionView> excluded = explain ? r.excluded().stream().map(e -> new ExclusionView(e.supporter().id(),
                    e.supporter().fullName(), e.reason(), e.detail())).toList() : null;
            return new MatchResult(learnerId, form, r.considered(), candidates, excluded,
                    explain ? new TreeMap<>(r.excludedCounts()) : null);
        }
    }
}
