package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class GoalLifecycleTest {

    private static Goal goal(GoalStatus status) {
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.status = status;
        return goal;
    }

    @Test
    void draftBecomesActiveThenAchieved() {
        Goal goal = goal(GoalStatus.DRAFT);
        goal.activate();
        assertThat(goal.status).isEqualTo(GoalStatus.ACTIVE);
        goal.achieve();
        assertThat(goal.status).isEqualTo(GoalStatus.ACHIEVED);
        assertThat(goal.statusChangedAt).isNotNull();
    }

    @Test
    void refusesAchievingADraft() {
        assertThatThrownBy(() -> goal(GoalStatus.DRAFT).achieve())
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
                    assertThat(v.slug()).isEqualTo("invalid-status-transition");
                });
    }

    @Test
    void finishedGoalsNeverMoveAgain() {
        for (GoalStatus end : new GoalStatus[] {GoalStatus.ACHIEVED, GoalStatus.REVISED, GoalStatus.DISCONTINUED}) {
            assertThat(end.isFinal()).isTrue();
            assertThatThrownBy(() -> goal(end).activate()).isInstanceOf(RuleViolation.class);
            assertThatThrownBy(() -> goal(end).requireEditable())
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.slug()).isEqualTo("goal-closed"));
        }
    }

    @Test
    void discontinuingNeedsAReason() {
        Goal goal = goal(GoalStatus.ACTIVE);
        assertThatThrownBy(() -> goal.discontinue("  "))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID));
        assertThat(goal.status).isEqualTo(GoalStatus.ACTIVE);
        goal.discontinue("Moved to a new phase");
        assertThat(goal.status).isEqualTo(GoalStatus.DISCONTINUED);
        assertThat(goal.discontinuedReason).isEqualTo("Moved to a new phase");
    }

    @Test
    void revisingLinksTheGoalToItsActiveSuccessor() {
        Goal old = goal(GoalStatus.ACTIVE);
        Goal successor = goal(GoalStatus.DRAFT);
        old.reviseInto(successor);
        assertThat(old.status).isEqualTo(GoalStatus.REVISED);
        assertThat(old.supersededBy).isEqualTo(successor.id);
        assertThat(successor.supersedes).isEqualTo(old.id);
        assertThat(successor.status).isEqualTo(GoalStatus.ACTIVE);
    }

    @Test
    void refusesRevisingADraft() {
        Goal draft = goal(GoalStatus.DRAFT);
        Goal successor = goal(GoalStatus.DRAFT);
        assertThatThrownBy(() -> draft.reviseInto(successor)).isInstanceOf(RuleViolation.class);
        assertThat(successor.supersedes).isNull();
    }

    @Test
    void refusesTargetDateInThePast() {
        LocalDate today = LocalDate.of(2026, 3, 10);
        Goal.requireFutureTarget(today, today);
        assertThatThrownBy(() -> Goal.requireFutureTarget(today.minusDays(1), today))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                    assertThat(v.slug()).isEqualTo("target-date-in-past");
                });
    }
}
