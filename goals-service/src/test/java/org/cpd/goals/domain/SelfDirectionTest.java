package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cpd.goals.domain.SelfDirection.Sample;
import org.junit.jupiter.api.Test;

class SelfDirectionTest {

    @Test
    void reportsRisingShareOfGoalsTheLearnerSetThemselves() {
        SelfDirection.Trend trend = SelfDirection.of(List.of(
                new Sample(LocalDate.of(2025, 9, 10), SetBy.SUPPORTER_LED),
                new Sample(LocalDate.of(2025, 9, 20), SetBy.SHARED),
                new Sample(LocalDate.of(2026, 1, 15), SetBy.SHARED),
                new Sample(LocalDate.of(2026, 2, 1), SetBy.LEARNER_LED)));
        assertThat(trend.periods()).extracting(SelfDirection.Period::period).containsExactly("2025-Q3", "2026-Q1");
        assertThat(trend.periods().get(0).learnerShare()).isEqualTo(0.25);
        assertThat(trend.periods().get(1).learnerShare()).isEqualTo(0.75);
        assertThat(trend.overallLearnerShare()).isEqualTo(0.5);
        assertThat(trend.direction()).isEqualTo(SelfDirection.Direction.RISING);
    }

    @Test
    void saysWhenThereIsTooLittleToShowATrend() {
        assertThat(SelfDirection.of(List.of()).direction()).isEqualTo(SelfDirection.Direction.NOT_ENOUGH_DATA);
        assertThat(SelfDirection.of(List.of(new Sample(LocalDate.now(), SetBy.LEARNER_LED))).overallLearnerShare())
                .isEqualTo(1.0);
    }
}
