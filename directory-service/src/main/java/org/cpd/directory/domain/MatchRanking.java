package org.cpd.directory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks supporters for one learner and one form, deterministically and with reasons.
 *
 * <p>Fit points: expertise overlap (20 per wanted code, up to 3), same phase (15), same subject (15),
 * context (same school: 15 for mentoring and co-coaching, where knowing the setting matters; 5 for
 * specialist coaching, which often comes from outside), experience (mentoring: 10 when the mentor is at
 * a later career stage; co-coaching: 10 for peers at the same stage), mentoring purpose offered (10),
 * reach (travels to the learner's school 5, remote only 2).
 *
 * <p>Order: the supporter to continue with first, then fit, then more free capacity (load
 * spreading: at equal fit the less busy rank higher), then larger share free, then id (stable).
 *
 * <p>Left out, with the reason: buffer zones (the learner's line manager or appraiser, for specialist
 * coaching and co-coaching), at capacity, mentoring purpose not offered, cannot reach the learner's
 * school, and for specialist coaching no overlap with the expertise wanted.
 */
public final class MatchRanking {

    public enum Exclusion {
        BUFFER_ZONE, AT_CAPACITY, PURPOSE_NOT_OFFERED, CANNOT_REACH, NO_MATCHING_EXPERTISE
    }

    public record Reason(String code, int points, String detail) {
    }

    public record Ranked(SupporterCandidate supporter, int score, int freeCapacity, int capacity, boolean continuing, List<Reason> reasons,
                         List<String> flags) {
    }

    public record Excluded(SupporterCandidate supporter, Exclusion reason, String detail, int wouldHaveScored) {
    }

    public record Result(List<Ranked> ranked, List<Excluded> excluded, Map<Exclusion, Integer> excludedCounts, int considered) {
    }

    private static final int MAX_EXPERTISE_COUNTED = 3;

    private MatchRanking() {
    }

    /** First pass: a score without words, so thousands of candidates cost little; reasons are built for the few shown. */
    private record Scored(SupporterCandidate supporter, int score, int freeCapacity, int capacity, boolean continuing) {
    }

    public static Result rank(LearnerProfile learner, MatchRequest request, List<SupporterCandidate> candidates) {
        SupportForm form = request.form();
        List<Scored> eligible = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        int considered = 0;
        for (SupporterCandidate c : candidates) {
            if (c.id().equals(learner.id()) || !c.forms().containsKey(form)) {
                continue;
            }
            considered++;
            int score = fit(learner, request, c, null, null);
            Exclusion why = exclusion(learner, request, c);
            if (why != null) {
                excluded.add(new Excluded(c, why, null, score));
                counts.merge(why, 1, Integer::sum);
                continue;
            }
            eligible.add(new Scored(c, score, c.freeCapacity(form), c.capacity(form), c.id().equals(request.continueWith())));
        }
        List<Ranked> top = new ArrayList<>();
        for (Scored s : best(eligible, request.limit())) {
            top.add(explain(learner, request, s));
        }
        int bar = top.size() < request.limit() || top.isEmpty() ? Integer.MIN_VALUE : top.get(top.size() - 1).score();
        // Explain the exclusions that mattered: buffer zones always, others only where they would have made the list.
        List<Excluded> explained = excluded.stream()
                .filter(e -> e.reason() == Exclusion.BUFFER_ZONE || e.supporter().id().equals(request.continueWith())
                        || e.wouldHaveScored() >= bar)
                .sorted(Comparator.comparing(Excluded::wouldHaveScored).reversed().thenComparing(e -> e.supporter().id()))
                .limit(50)
                .map(e -> new Excluded(e.supporter(), e.reason(), detail(learner, request, e.supporter(), e.reason()),
                        e.wouldHaveScored()))
                .toList();
        return new Result(List.copyOf(top), explained, counts, considered);
    }

    /** The first {@code limit} in ranking order, without sorting every eligible candidate (a bounded heap). */
    private static List<Scored> best(List<Scored> eligible, int limit) {
        PriorityQueue<Scored> heap = new PriorityQueue<>(limit + 1, SCORED_ORDER.reversed());
        for (Scored s : eligible) {
            heap.add(s);
            if (heap.size() > limit) {
                heap.poll(); // drops the worst kept so far
            }
        }
        List<Scored> best = new ArrayList<>(heap);
        best.sort(SCORED_ORDER);
        return best;
    }

    private static Ranked explain(LearnerProfile learner, MatchRequest request, Scored s) {
        List<Reason> reasons = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        fit(learner, request, s.supporter(), reasons, flags);
        reasons.add(new Reason("FREE_CAPACITY", 0, s.freeCapacity() + " of " + s.capacity() + " places free"));
        if (s.continuing()) {
            reasons.add(0, new Reason("CONTINUES_WITH_PREVIOUS", 0, "the learner asked to continue with this supporter"));
        }
        return new Ranked(s.supporter(), s.score(), s.freeCapacity(), s.capacity(), s.continuing(), List.copyOf(reasons),
                List.copyOf(flags));
    }

    private static final Comparator<Scored> SCORED_ORDER = Comparator.comparing(Scored::continuing).reversed()
            .thenComparing(Comparator.comparingInt(Scored::score).reversed())
            .thenComparing(Comparator.comparingInt(Scored::freeCapacity).reversed())
            .thenComparing(Comparator.comparingDouble((Scored r) -> r.capacity() == 0 ? 0 : (double) r.freeCapacity() / r.capacity())
                    .reversed())
            .thenComparing(r -> r.supporter().id());

    private static Exclusion exclusion(LearnerProfile learner, MatchRequest request, SupporterCandidate c) {
        SupportForm form = request.form();
        if (form.hasBufferZone() && (learner.lineManagerIds().contains(c.id()) || learner.appraiserIds().contains(c.id()))) {
            return Exclusion.BUFFER_ZONE;
        }
        if (c.freeCapacity(form) <= 0) {
            return Exclusion.AT_CAPACITY;
        }
        if (form == SupportForm.MENTORING && request.purpose() != null
                && !c.mentoringPurposes().contains(request.purpose().name())) {
            return Exclusion.PURPOSE_NOT_OFFERED;
        }
        if (!sameSchool(learner, c) && !c.workModes().contains(WorkMode.PARTNERSHIP_TRAVEL.name())
                && !c.workModes().contains(WorkMode.REMOTE.name())) {
            return Exclusion.CANNOT_REACH;
        }
        if (form == SupportForm.SPECIALIST_COACHING && !request.expertise().isEmpty()
                && overlapCount(request.expertise(), c.expertiseCodes()) == 0) {
            return Exclusion.NO_MATCHING_EXPERTISE;
        }
        return null;
    }

    private static String detail(LearnerProfile learner, MatchRequest request, SupporterCandidate c, Exclusion reason) {
        SupportForm form = request.form();
        return switch (reason) {
            case BUFFER_ZONE -> (learner.lineManagerIds().contains(c.id()) ? "line manager" : "appraiser")
                    + " of the learner: buffer zones keep " + (learner.lineManagerIds().contains(c.id()) ? "line management" : "appraisal")
                    + " apart from " + label(form);
            case AT_CAPACITY -> "supports " + c.load(form) + " of " + c.capacity(form) + " learners already";
            case PURPOSE_NOT_OFFERED -> "does not offer mentoring for " + request.purpose();
            case CANNOT_REACH -> "works in their own school only";
            case NO_MATCHING_EXPERTISE -> "offers none of the expertise wanted";
        };
    }

    private static int fit(LearnerProfile learner, MatchRequest request, SupporterCandidate c, List<Reason> reasons,
                           List<String> flags) {
        SupportForm form = request.form();
        int score = 0;
        boolean explain = reasons != null;
        int expertise = overlapCount(request.expertise(), c.expertiseCodes());
        if (expertise > 0) {
            int points = 20 * Math.min(MAX_EXPERTISE_COUNTED, expertise);
            if (explain) {
                reasons.add(new Reason("EXPERTISE_OVERLAP", points, "offers " + String.join(", ", overlap(request.expertise(), c.expertiseCodes()))));
            }
            score += points;
        }
        if (overlapCount(learner.phases(), c.phases()) > 0) {
            if (explain) {
                reasons.add(new Reason("SAME_PHASE", 15, "works in " + String.join(", ", overlap(learner.phases(), c.phases()))));
            }
            score += 15;
        }
        if (overlapCount(learner.subjects(), c.subjects()) > 0) {
            if (explain) {
                reasons.add(new Reason("SAME_SUBJECT", 15, "teaches " + String.join(", ", overlap(learner.subjects(), c.subjects()))));
            }
            score += 15;
        }
        if (sameSchool(learner, c)) {
            int points = form == SupportForm.SPECIALIST_COACHING ? 5 : 15;
            add(reasons, new Reason("SAME_SCHOOL", points, "works in the learner's school and knows its context"));
            score += points;
        } else if (c.workModes().contains(WorkMode.PARTNERSHIP_TRAVEL.name())) {
            add(reasons, new Reason("TRAVELS", 5, "travels to schools across the partnership"));
            score += 5;
        } else if (c.workModes().contains(WorkMode.REMOTE.name())) {
            add(reasons, new Reason("REMOTE", 2, "works remotely"));
            score += 2;
        }
        if (form == SupportForm.MENTORING && learner.careerStage() != null && c.careerStage() != null
                && c.careerStage().isBeyond(learner.careerStage())) {
            add(reasons, explain ? new Reason("EXPERIENCED_IN_ROLE", 10, c.careerStage() + " mentoring a " + learner.careerStage()) : null);
            score += 10;
        }
        if (form == SupportForm.CO_COACHING && learner.careerStage() == c.careerStage()) {
            add(reasons, new Reason("PEER", 10, "a peer at the same career stage"));
            score += 10;
        }
        if (form == SupportForm.MENTORING && request.purpose() != null
                && c.mentoringPurposes().contains(request.purpose().name())) {
            add(reasons, explain ? new Reason("PURPOSE_OFFERED", 10, "offers mentoring for " + request.purpose()) : null);
            score += 10;
        }
        if (form == SupportForm.MENTORING && learner.lineManagerIds().contains(c.id())) {
            // Allowed (docs/architecture.md#rule-2-buffer-zones) but worth a second look: the mentor also manages the learner.
            if (flags != null) {
                flags.add("LINE_MANAGER_OF_LEARNER");
            }
        }
        return score;
    }

    private static boolean sameSchool(LearnerProfile learner, SupporterCandidate c) {
        return learner.schoolId() != null && learner.schoolId().equals(c.schoolId());
    }

    private static void add(List<Reason> reasons, Reason reason) {
        if (reasons != null) {
            reasons.add(reason);
        }
    }

    private static int overlapCount(Set<String> wanted, Set<String> offered) {
        int n = 0;
        for (String w : wanted) {
            if (offered.contains(w)) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> overlap(Set<String> wanted, Set<String> offered) {
        Set<String> both = new TreeSet<>(wanted);
        both.retainAll(offered);
        return both;
    }

    private static String label(SupportForm form) {
        return form.name().toLowerCase().replace('_', ' ');
    }
}
