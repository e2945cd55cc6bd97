package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RelationshipViewTest {

    static final UUID MENTOR = UUID.randomUUID();
    static final UUID LEARNER = UUID.randomUUID();
    static final Set<RelationshipView.Member> BOTH = Set.of(new RelationshipView.Member(MENTOR, "SUPPORTER"),
            new RelationshipView.Member(LEARNER, "LEARNER"));
    static final Instant NINE = Instant.parse("2026-10-01T09:00:00Z");

    @Test
    void anOlderEventArrivingLateNeverRollsTheStateBack() {
        RelationshipView view = RelationshipView.of(UUID.randomUUID());
        assertThat(view.apply("MENTORING", "CLOSED", BOTH, null, NINE, NINE)).isTrue();
        assertThat(view.apply("MENTORING", "ACTIVE", BOTH, null, null, NINE.minusSeconds(60))).isFalse();
        assertThat(view.facts().status()).isEqualTo("CLOSED");
        assertThat(view.facts().participantIds()).containsExactlyInAnyOrder(MENTOR, LEARNER);
    }

    @Test
    void absentValuesKeepWhatIsKnown() {
        RelationshipView view = RelationshipView.of(UUID.randomUUID());
        view.apply("MENTORING", "ACTIVE", BOTH, NINE, null, NINE);
        assertThat(view.apply(null, "PAUSED", Set.of(), null, null, NINE.plusSeconds(60))).isTrue();
        assertThat(view.form).isEqualTo("MENTORING");
        assertThat(view.startedAt).isEqualTo(NINE);
        assertThat(view.facts().participantIds()).containsExactlyInAnyOrder(MENTOR, LEARNER);
        assertThat(view.status).isEqualTo("PAUSED");
    }
}
