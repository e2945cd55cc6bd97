package org.cpd.commons.insight;

/**
 * Small-number suppression for insight views (docs/adr/0041-small-number-suppression.md): a count
 * from 1 to {@code threshold - 1} is withheld, and every published count is rounded to the nearest
 * multiple of the threshold. Every published count is then a multiple of the threshold, so the
 * difference of any two of them (a total and its cells, a view and a neighbouring filter) is 0 or at
 * least the threshold: a withheld small number can never be recovered by subtraction.
 * Measures derived from a group (a median, hours) are published only when the group's size is.
 */
public final class Suppression {

    public static final int DEFAULT_THRESHOLD = 5;

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("The suppression threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** True when {@code n} is a small number that must not be published. */
    public boolean suppresses(long n) {
        return n > 0 && n < threshold;
    }

    /** The published form of a count. */
    public InsightCount count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("A count cannot be negative: " + n);
        }
        if (n == 0) {
            return InsightCount.ZERO;
        }
        if (suppresses(n)) {
            return InsightCount.SUPPRESSED;
        }
        return new InsightCount(round(n), false);
    }

    /** {@code n} rounded half up to the nearest multiple of the threshold (at least the threshold when {@code n} is). */
    public long round(long n) {
        return (n + threshold / 2) / threshold * threshold;
    }

    /** A measure of a group of {@code population}: null when the group's size is withheld or the group is empty. */
    public Double measure(long population, Double value) {
        return population == 0 || suppresses(population) ? null : value;
    }
}
