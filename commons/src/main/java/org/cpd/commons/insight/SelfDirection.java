package org.cpd.commons.insight;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The learner's growing self-direction (docs/architecture.md#rule-6-self-direction), one measure under
 * one name for goals and for conversation agendas (docs/adr/0041-insight-small-number-suppression.md):
 * the items in the order they were set, each scored learner-led 1, shared 0.5, supporter-led 0; the
 * learner share of the later half against the earlier half (an odd middle item is in neither).
 */
@Schema(name = "SelfDirection", description = """
        Who set the learner's goals or conversation agendas, in the order they were set: the learner share \
        (learner-led 1, shared 0.5, supporter-led 0) of the later half against the earlier half. RISING or FALLING \
        when the shares differ by at least 0.1; NOT_ENOUGH_DATA with fewer than two items.""")
public record SelfDirection(
        @Schema(required = true, description = "The items in the order they were set.") List<Point> points,
        @Schema(required = true) int items,
        @Schema(description = "Learner share of the earlier half; null with fewer than two items.") Double earlierLearnerShare,
        @Schema(description = "Learner share of the later half; null with fewer than two items.") Double laterLearnerShare,
        @Schema(description = "Learner share of all items; null without any.") Double learnerShare,
        @Schema(required = true) Direction direction) {

    /** A difference of the halves' shares below this is STEADY. */
    public static final double STEADY_BAND = 0.1;

    public enum Direction { RISING, STEADY, FALLING, NOT_ENOUGH_DATA }

    @Schema(name = "SelfDirectionPoint", description = "One goal or agenda: when it was set and who set it.")
    public record Point(@Schema(required = true) Instant at,
                        @Schema(required = true, enumeration = {"SUPPORTER_LED", "SHARED", "LEARNER_LED"}) String setBy) {
    }

    /** Learner-led 1, shared 0.5, supporter-led 0. */
    public static double weight(String setBy) {
        return switch (setBy) {
            case "LEARNER_LED" -> 1.0;
            case "SHARED" -> 0.5;
            case "SUPPORTER_LED" -> 0.0;
            default -> throw new IllegalArgumentException("Unknown setter: " + setBy);
        };
    }

    /** The measure of these points, which must be in the order they were set. */
    public static SelfDirection of(List<Point> inOrder) {
        List<Point> points = List.copyOf(inOrder);
        int n = points.size();
        Double all = n == 0 ? null : share(points);
        if (n < 2) {
            return new SelfDirection(points, n, null, null, all, Direction.NOT_ENOUGH_DATA);
        }
        int half = n / 2;
        double earlier = share(points.subList(0, half));
        double later = share(points.subList(n - half, n));
        Direction direction = later - earlier >= STEADY_BAND - 1e-9 ? Direction.RISING
                : earlier - later >= STEADY_BAND - 1e-9 ? Direction.FALLING : Direction.STEADY;
        return new SelfDirection(points, n, earlier, later, all, direction);
    }

    private static double share(List<Point> points) {
        double sum = points.stream().mapToDouble(p -> weight(p.setBy())).sum();
        return Math.round(sum / points.size() * 100) / 100.0;
    }
}
