package org.cpd.goals.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learner's growing self-direction: per term-sized period (calendar quarter), how many goals
 * were supporter-led, shared and learner-led, and the share the learner set themselves.
 * A shared goal counts half towards the learner's share: they set it with their supporter.
 */
public final class SelfDirection {

    public record Sample(LocalDate setOn, SetBy setBy) {
    }

    public record Period(String period, int supporterLed, int shared, int learnerLed, double learnerShare) {
    }

    public enum Direction { RISING, STEADY, FALLING, NOT_ENOUGH_DATA }

    public record Trend(List<Period> periods, double overallLearnerShare, Direction direction) {
    }

    private SelfDirection() {
    }

    public static Trend of(Collection<Sample> samples) {
        Map<String, int[]> byPeriod = new TreeMap<>();
        for (Sample s : samples) {
            String key = s.setOn().getYear() + "-Q" + s.setOn().get(IsoFields.QUARTER_OF_YEAR);
            byPeriod.computeIfAbsent(key, k -> new int[3])[s.setBy().ordinal()]++;
        }
        List<Period> periods = new ArrayList<>();
        int[] total = new int[3];
        for (var e : byPeriod.entrySet()) {
            int[] c = e.getValue();
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
            periods.add(new Period(e.getKey(), c[0], c[1], c[2], share(c)));
        }
        Direction direction = Direction.NOT_ENOUGH_DATA;
        if (periods.size() >= 2) {
            double first = periods.get(0).learnerShare();
            double last = periods.get(periods.size() - 1).learnerShare();
            direction = Math.abs(last - first) < 0.05 ? Direction.STEADY
                    : last > first ? Direction.RISING : Direction.FALLING;
        }
        return new Trend(periods, share(total), direction);
    }

    private static double share(int[] c) {
        int n = c[0] + c[1] + c[2];
        if (n == 0) {
            return 0;
        }
        return Math.round((c[2] + 0.5 * c[1]) / n * 100.0) / 100.0;
    }
}
