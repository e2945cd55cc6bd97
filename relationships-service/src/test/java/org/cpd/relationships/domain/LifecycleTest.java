package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpd.relationships.domain.Fixtures.status;

import org.cpd.commons.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifecycleTest {

    @Test
    void followsTheHappyPathToClosed() {
        RelationshipStatus s = RelationshipStatus.PROPOSED;
        s = Lifecycle.next(s, Transition.ACCEPT);
        assertThat(s).isEqualTo(RelationshipStatus.AGREEMENT_PENDING);
        s = Lifecycle.next(s, Transition.ACTIVATE);
        assertThat(s).isEqualTo(RelationshipStatus.ACTIVE);
        s = Lifecycle.next(s, Transition.PAUSE);
        assertThat(s).isEqualTo(RelationshipStatus.PAUSED);
        s = Lifecycle.next(s, Transition.RESUME);
        assertThat(s).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(Lifecycle.next(s, Transition.CLOSE)).isEqualTo(RelationshipStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = RelationshipStatus.class, names = {"CLOSED", "DECLINED", "WITHDRAWN", "EXPIRED"})
    void endStatesAllowNoTransition(RelationshipStatus end) {
        for (Transition t : Transition.values()) {
            assertThatThrownBy(() -> Lifecycle.next(end, t))
                    .isInstanceOfSatisfying(RuleViolation.class, p -> {
                        assertThat(status(p)).isEqualTo(409);
                        assertThat(p.slug()).isEqualTo("invalid-transition");
                    });
        }
    }

    @Test
    void refusesActivatingAProposalThatNobodyAccepted() {
        assertThatThrownBy(() -> Lifecycle.next(RelationshipStatus.PROPOSED, Transition.ACTIVATE))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void refusesPausingBeforeActiveAndClosingBeforeStarted() {
        assertThat(Lifecycle.allows(RelationshipStatus.AGREEMENT_PENDING, Transition.PAUSE)).isFalse();
        assertThat(Lifecycle.allows(RelationshipStatus.PROPOSED, Transition.CLOSE)).isFalse();
        assertThat(Lifecycle.allows(RelationshipStatus.ACTIVE, Transition.WITHDRAW)).isFalse();
        assertThat(Lifecycle.allows(RelationshipStatus.AGREEMENT_PENDING, Transition.EXPIRE)).isFalse();
    }
}
