package org.cpd.commons.insight;

/**
 * What every service's insight API says alike (docs/adr/0041-insight-small-number-suppression.md): the tag, the
 * school filter's pattern and the descriptions of the fields every view has, so that the three documents describe
 * them in the same words.
 */
public final class InsightApi {

    /** The description of the {@code Insight} tag. */
    public static final String TAG = "Aggregates for partnership admins and school leads, small numbers suppressed (ADR 0041).";

    /** A school filter: a URN. */
    public static final String URN = "^[0-9]{6}$";

    /** A view's {@code asOf}: views are kept by {@link InsightViews}. */
    public static final String AS_OF = "When these figures were computed: a view is kept for up to a minute "
            + "(`cpd.insight.max-age`) and served to its readers meanwhile.";

    /** A view's {@code suppressionThreshold} ({@link Suppression}). */
    public static final String SUPPRESSION_THRESHOLD = "Counts from 1 to this minus one are suppressed.";

    private InsightApi() {
    }
}
