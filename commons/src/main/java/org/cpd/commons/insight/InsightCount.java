package org.cpd.commons.insight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A count in an insight view, after small-number suppression ({@link Suppression}, ADR 0041).
 *
 * @param value      the count rounded to the nearest multiple of the suppression threshold, 0 as is,
 *                   or null when suppressed
 * @param suppressed true when the count lies between 1 and the threshold minus one
 */
@Schema(name = "InsightCount", description = """
        A count after small-number suppression (ADR 0041): a count from 1 to the threshold minus one \
        (default 1 to 4) is withheld (`value` null, `suppressed` true); every other count is rounded to the \
        nearest multiple of the threshold (0 stays 0), so no difference of two published counts is a small number.""")
public record InsightCount(
        @Schema(description = "The rounded count, or null when suppressed.", minimum = "0", maximum = "2147483647") Long value,
        @Schema(required = true, description = "True when the count is withheld as a small number.") boolean suppressed) {

    public static final InsightCount SUPPRESSED = new InsightCount(null, true);
    public static final InsightCount ZERO = new InsightCount(0L, false);
}
