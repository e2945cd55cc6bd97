package org.cpd.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading the counts of an insight view (commons' InsightCount: {@code value} and {@code suppressed}) as a test gets it. */
public final class InsightCounts {

    private InsightCounts() {
    }

    /** Every published {@code value} of an InsightCount anywhere in a view read as JSON (maps and lists). */
    public static List<Long> publishedValues(Object node) {
        List<Long> values = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            if (m.containsKey("suppressed") && m.get("value") instanceof Number n) {
                values.add(n.longValue());
            }
            m.values().forEach(v -> values.addAll(publishedValues(v)));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> values.addAll(publishedValues(v)));
        }
        return values;
    }
}
