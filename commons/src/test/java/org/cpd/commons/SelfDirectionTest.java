package org.cpd.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.cpd.commons.insight.SelfDirection;
import org.cpd.commons.insight.SelfDirection.Direction;
import org.junit.jupiter.api.Test;

class SelfDirectionTest {

    static List<SelfDirection.Point> points(Instant first, long daysApart, String... setBy) {
        List<SelfDirection.Point> points = new ArrayList<>();
        for (int i = 0; i < setBy.length; i++) {
            points.add(new SelfDirection.Point(first.plus(daysApart * i, ChronoUnit.DAYS), setBy[i]));
        }
        return points;
    }

    /** Within a few weeks of one term: the order counts, not the calendar. */
    @Test
    void aLearnerTakingControlWithinATermIsRising() {
        SelfDirection d = SelfDirection.of(points(Instant.parse("2026-01-06T09:00:00Z"), 7,
                "SUPPORTER_LED", "SUPPORTER_LED", "SHARED", "LEARNER_LED", "LEARNER_LED"));
        assertThat(d.items()).isEqualTo(5);
        assertThat(d.earlierLearnerShare()).isEqualTo(0.0);
        assertThat(d.laterLearnerShare()).isEqualTo(1.0);
        assertThat(d.learnerShare()).isEqualTo(0.5);
        assertThat(d.direction()).isEqualTo(Direction.RISING);
    }

    @Test
    void fallingSteadyAndTooLittle() {
        Instant t = Instant.parse("2025-09-10T09:00:00Z");
        assertThat(SelfDirection.of(points(t, 30, "LEARNER_LED", "SHARED", "SUPPORTER_LED")).direction()).isEqualTo(Direction.FALLING);
        assertThat(SelfDirection.of(points(t, 30, "SHARED", "SHARED", "SHARED", "SHARED")).direction()).isEqualTo(Direction.STEADY);
        assertThat(SelfDirection.of(points(t, 1, "SHARED", "LEARNER_LED")).direction()).isEqualTo(Direction.RISING);
        SelfDirection one = SelfDirection.of(points(t, 1, "LEARNER_LED"));
        assertThat(one.direction()).isEqualTo(Direction.NOT_ENOUGH_DATA);
        assertThat(one.learnerShare()).isEqualTo(1.0);
        assertThat(SelfDirection.of(List.of()).learnerShare()).isNull();
    }
}
