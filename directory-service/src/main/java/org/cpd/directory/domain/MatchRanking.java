package org.cpd.directory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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

    public static Result rank(LearnerProfile learner, MatchRequest request, List<SupporterCandidate> candidates) {
        SupportForm form = request.form();
        List<Ranked> eligible = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        int considered = 0;
        for (SupporterCandidate c : candidates) {
            if (c.id().equals(learner.id()) || !c.forms().containsKey(form)) {
                continue;
            }
            considered++;
            List<Reason> reasons = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            int score = fit(learner, request, c, reasons, flags);
            Excluded why = exclusion(learner, request, c, score);
            if (why != null) {
                excluded.add(why);
                counts.merge(why.reason(), 1, Integer::sum);
                continue;
            }
            int free = c.freeCapacity(form);
            reasons.add(new Reason("FREE_CAPACITY", 0, free + " of " + c.capacity(form) + " places free"));
            boolean continuing = c.id().equals(request.continueWith());
            if (continuing) {
                reasons.add(0, new Reason("CONTINUES_WITH_PREVIOUS", 0, "the learner asked to continue with this supporter"));
            }
            eligible.add(new Ranked(c, score, free, c.capacity(form), continuing, List.copyOf(reasons), List.copyOf(flags)));
        }
        eligible.sort(ORDER);
        List<Ranked> top = eligible.subList(0, Math.min(request.limit(), eligible.size()));
        int bar = top.size() < request.limit() || top.isEmpty() ? Integer.MIN_VALUE : top.get(top.size() - 1).score();
        // Explain the exclusions that mattered: buffer zones always, others only where they would have made the list.
        List<Excluded> explained = excluded.stream()
                .filter(e -> e.reason() == Exclusion.BUFFER_ZONE || e.supporter().id().equals(request.continueWith())
                        || e.wouldHaveScored() >= bar)
                .sorted(Comparator.comparing(Excluded::wouldHaveScored).reversed().thenComparing(e -> e.supporter().id()))
                .limit(50)
                .toList();
        return new Result(List.copyOf(top), explained, counts, considered);
    }

    static final Comparator<Ranked> ORDER = Comparator.comparing(Ranked::continuing).reversed()
            .thenComparing(Comparator.comparingInt(Ranked::score).reversed())
            .thenComparing(Comparator.comparingInt(Ranked::freeCapacity).reversed())
            .thenComparing(Comparator.comparingDouble((Ranked r) -> share(r)).reversed())
            .thenComparing(r -> r.supporter().id());

    private static double share(Ranked r) {
        return r.capacity() == 0 ? 0 : (double) r.freeCapacity() / r.capacity();
    }

    private static Excluded exclusion(LearnerProfile learner, MatchRequest request, SupporterCandidate c, int score) {
        SupportForm form = request.form();
        if (form.hasBufferZone() && learner.lineManagerIds().contains(c.id())) {
            return new Excluded(c, Exclusion.BUFFER_ZONE, "line manager of the learner: buffer zones keep "
                    + "line management apart from " + label(form), score);
        }
        if (form.hasBufferZone() && learner.appraiserIds().contains(c.id())) {
            return new Excluded(c, Exclusion.BUFFER_ZONE, "appraiser of the learner: buffer zones keep "
                    + "appraisal apart from " + label(form), score);
        }
        if (c.freeCapacity(form) <= 0) {
            return new Excluded(c, Exclusion.AT_CAPACITY, "supports " + c.load(form) + " of " + c.capacity(form)
                    + " learners already", score);
        }
        if (form == SupportForm.MENTORING && request.purpose() != null
                && !c.mentoringPurposes().contains(request.purpose().name())) {
            return new Excluded(c, Exclusion.PURPOSE_NOT_OFFERED, "does not offer mentoring for " + request.purpose(), score);
        }
        if (!sameSchool(learner, c) && !c.workModes().contains(WorkMode.PARTNERSHIP_TRAVEL.name())
                && !c.workModes().contains(WorkMode.REMOTE.name())) {
            return new Excluded(c, Exclusion.CANNOT_REACH, "works in their own school only", score);
        }
        if (form == SupportForm.SPECIALIST_COACHING && !request.expertise().isEmpty()
                && overlap(request.expertise(), c.expertiseCodes()).isEmpty()) {
            return new Excluded(c, Exclusion.NO_MATCHING_EXPERTISE, "offers none of the expertise wanted", score);
        }
        return null;
    }

    private static int fit(LearnerProfile learner, MatchRequest request, SupporterCandidate c, List<Reason> reasons,
                           List<String> flags) {
        SupportForm form = request.form();
        int score = 0;
        Set<String> expertise = overlap(request.expertise(), c.expertiseCodes());
        if (!expertise.isEmpty()) {
            int points = 20 * Math.min(MAX_EXPERTISE_COUNTED, expertise.size());
            reasons.add(new Reason("EXPERTISE_OVERLAP", points, "offers " + String.join(", ", expertise)));
            score += points;
        }
        Set<String> phases = overlap(learner.phases(), c.phases());
        if (!phases.isEmpty()) {
            reasons.add(new Reason("SAME_PHASE", 15, "works in " + String.join(", ", phases)));
            score += 15;
        }
        Set<String> subjects = overlap(learner.subjects(), c.subjects());
        if (!subjects.isEmpty()) {
            reasons.add(new Reason("SAME_SUBJECT", 15, "teaches " + String.join(", ", subjects)));
            score += 15;
        }
        if (sameSchool(learner, c)) {
            int points = form == SupportForm.SPECIALIST_COACHING ? 5 : 15;
            reasons.add(new Reason("SAME_SCHOOL", points, "works in the learner's school and knows its context"));
            score += points;
        } else if (c.workModes().contains(WorkMode.PARTNERSHIP_TRAVEL.name())) {
            reasons.add(new Reason("TRAVELS", 5, "travels to schools across the partnership"));
            score += 5;
        } else if (c.workModes().contains(WorkMode.REMOTE.name())) {
            reasons.add(new Reason("REMOTE", 2, "works remotely"));
            score += 2;
        }
        if (form == SupportForm.MENTORING && learner.careerStage() != null && c.careerStage() != null
                && c.careerStage().isBeyond(learner.careerStage())) {
            reasons.add(new Reason("EXPERIENCED_IN_ROLE", 10, c.careerStage() + " mentoring a " + learner.careerStage()));
            score += 10;
        }
        if (form == SupportForm.CO_COACHING && learner.careerStage() == c.careerStage()) {
            reasons.add(new Reason("PEER", 10, "a peer at the same career stage"));
            score += 10;
        }
        if (form == SupportForm.MENTORING && request.purpose() != null
                && c.mentoringPurposes().contains(request.purpose().name())) {
            reasons.add(new Reason("PURPOSE_OFFERED", 10, "offers mentoring for " + request.purpose()));
            score += 10;
        }
        if (form == SupportForm.MENTORING && learner.lineManagerIds().contains(c.id())) {
            // Allowed (DESIGN rule 2) but worth a second look: the mentor also manages the learner.
            flags.add("LINE_MANAGER_OF_LEARNER");
        }
        return score;
    }

    private static boolean sameSchool(LearnerProfile learner, SupporterCandidate c) {
        return learner.schoolId() != null && learner.schoolId().equals(c.schoolId());
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
