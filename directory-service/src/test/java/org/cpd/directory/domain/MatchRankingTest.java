package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchRankingTest {

    final UUID school = UUID.randomUUID();
    final UUID otherSchool = UUID.randomUUID();
    final UUID manager = UUID.randomUUID();
    final LearnerProfile learner = new LearnerProfile(UUID.randomUUID(), CareerStage.EARLY_CAREER_TEACHER, school,
            Set.of("MATHEMATICS"), Set.of("SECONDARY"), Set.of(), Set.of(manager), Set.of());

    SupporterCandidate candidate(UUID id, UUID at, int capacity, int load, Set<String> expertise, Set<String> modes) {
        Map<SupportForm, SupportOffer.FormOffer> forms = new EnumMap<>(SupportForm.class);
        Map<SupportForm, Integer> loads = new EnumMap<>(SupportForm.class);
        for (SupportForm f : SupportForm.values()) {
            forms.put(f, new SupportOffer.FormOffer(capacity, null));
            loads.put(f, load);
        }
        return new SupporterCandidate(id, "n", CareerStage.MIDDLE_LEADER, Set.of("MATHEMATICS"), Set.of("SECONDARY"), Set.of(),
                at, "100001", "s", null, null, forms, loads, Set.of("INDUCTION"), expertise, Set.of(), Set.of(), modes, Instant.EPOCH);
    }

    MatchRequest coaching(UUID continueWith) {
        return new MatchRequest(SupportForm.SPECIALIST_COACHING, null, Set.of("ASSESSMENT_FOR_LEARNING"), continueWith, 10);
    }

    @Test
    void equalFitRanksMoreFreeCapacityFirstThenIdForStability() {
        UUID a = new UUID(0, 1);
        UUID b = new UUID(0, 2);
        UUID c = new UUID(0, 3);
        List<SupporterCandidate> all = new ArrayList<>(List.of(
                candidate(c, school, 3, 1, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of()),
                candidate(b, school, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of()),
                candidate(a, school, 3, 1, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of())));
        MatchRanking.Result result = MatchRanking.rank(learner, coaching(null), all);
        assertThat(result.ranked()).extracting(r -> r.supporter().id()).containsExactly(b, a, c);
    }

    @Test
    void betterFitBeatsMoreCapacity() {
        UUID expert = UUID.randomUUID();
        UUID idle = UUID.randomUUID();
        MatchRanking.Result result = MatchRanking.rank(learner, new MatchRequest(SupportForm.SPECIALIST_COACHING, null,
                Set.of("ASSESSMENT_FOR_LEARNING", "METACOGNITION"), null, 10), List.of(
                candidate(idle, school, 10, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of()),
                candidate(expert, school, 2, 1, Set.of("ASSESSMENT_FOR_LEARNING", "METACOGNITION"), Set.of())));
        assertThat(result.ranked().get(0).supporter().id()).isEqualTo(expert);
    }

    @Test
    void bufferZoneAndCapacityExclusionsAreExplained() {
        UUID full = UUID.randomUUID();
        MatchRanking.Result result = MatchRanking.rank(learner, coaching(null), List.of(
                candidate(manager, school, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of()),
                candidate(full, school, 1, 1, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of())));
        assertThat(result.ranked()).isEmpty();
        assertThat(result.excluded()).extracting(MatchRanking.Excluded::reason)
                .containsExactlyInAnyOrder(MatchRanking.Exclusion.BUFFER_ZONE, MatchRanking.Exclusion.AT_CAPACITY);
    }

    @Test
    void ownSchoolOnlySupportersOfOtherSchoolsCannotReachTheLearner() {
        UUID far = UUID.randomUUID();
        UUID travels = UUID.randomUUID();
        MatchRanking.Result result = MatchRanking.rank(learner, coaching(null), List.of(
                candidate(far, otherSchool, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of("OWN_SCHOOL")),
                candidate(travels, otherSchool, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of("PARTNERSHIP_TRAVEL"))));
        assertThat(result.ranked()).extracting(r -> r.supporter().id()).containsExactly(travels);
        assertThat(result.excludedCounts()).containsEntry(MatchRanking.Exclusion.CANNOT_REACH, 1);
    }

    @Test
    void aPreviousSupporterComesFirstWhenEligible() {
        UUID previous = UUID.randomUUID();
        UUID better = UUID.randomUUID();
        MatchRanking.Result result = MatchRanking.rank(learner, new MatchRequest(SupportForm.SPECIALIST_COACHING, null,
                Set.of("ASSESSMENT_FOR_LEARNING", "METACOGNITION"), previous, 10), List.of(
                candidate(better, school, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING", "METACOGNITION"), Set.of()),
                candidate(previous, school, 3, 0, Set.of("ASSESSMENT_FOR_LEARNING"), Set.of())));
        assertThat(result.ranked().get(0).supporter().id()).isEqualTo(previous);
        assertThat(result.ranked().get(0).reasons().get(0).code()).isEqualTo("CONTINUES_WITH_PREVIOUS");
    }

    @Test
    void mentoringByTheLineManagerIsKeptButFlagged() {
        MatchRanking.Result result = MatchRanking.rank(learner,
                new MatchRequest(SupportForm.MENTORING, MentoringPurpose.INDUCTION, Set.of(), null, 10),
                List.of(candidate(manager, school, 3, 0, Set.of(), Set.of())));
        assertThat(result.ranked()).hasSize(1);
        assertThat(result.ranked().get(0).flags()).containsExactly("LINE_MANAGER_OF_LEARNER");
        assertThat(result.ranked().get(0).reasons()).extracting(MatchRanking.Reason::code)
                .contains("EXPERIENCED_IN_ROLE", "PURPOSE_OFFERED", "SAME_SCHOOL");
    }
}
