package org.cpd.gateway.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The printable report's model: one bar chart (server-rendered SVG) per table of counts, with the
 * table's other measures listed beside it. Suppressed counts are drawn as a marked stub, never as a value.
 */
public record InsightReport(String title, List<Chart> charts, List<String> unavailable) {

    static final int LABEL_WIDTH = 330;
    static final int BAR_SPACE = 300;
    static final int ROW_HEIGHT = 22;

    public record Chart(String heading, List<Bar> bars, List<InsightCsv.Cell> measures, int height) {
    }

    /** One bar: its label, what is shown, and where it sits in the SVG. */
    public record Bar(String label, String shown, boolean suppressed, int y, int textY, int width, int textX) {
    }

    public static InsightReport of(InsightView view) {
        String title = "PARTNERSHIP".equals(view.kind())
                ? "Partnership " + view.partnershipId() + (view.schoolUrn() == null ? "" : ", school " + view.schoolUrn())
                : "School " + view.schoolUrn();
        Map<String, List<InsightCsv.Cell>> byTable = new LinkedHashMap<>();
        for (InsightCsv.Cell c : InsightCsv.cells(view)) {
            byTable.computeIfAbsent(c.part() + " · " + c.table(), k -> new ArrayList<>()).add(c);
        }
        List<Chart> charts = new ArrayList<>();
        byTable.forEach((heading, cells) -> {
            List<InsightCsv.Cell> counts = cells.stream().filter(InsightCsv.Cell::isCount).toList();
            long max = counts.stream().filter(c -> c.value() != null).mapToLong(c -> ((Number) c.value()).longValue()).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (InsightCsv.Cell c : counts) {
                int y = 5 + bars.size() * ROW_HEIGHT;
                String label = (c.row().isEmpty() ? "" : c.row().replace(';', ' ') + " ") + c.measure();
                int width = c.suppressed() ? 6 : max == 0 ? 0 : (int) Math.round(((Number) c.value()).doubleValue() / max * BAR_SPACE);
                String shown = c.suppressed() ? "suppressed" : String.valueOf(c.value());
                bars.add(new Bar(label, shown, c.suppressed(), y, y + 13, width, LABEL_WIDTH + width + 6));
            }
            List<InsightCsv.Cell> measures = cells.stream().filter(c -> !c.isCount()).toList();
            charts.add(new Chart(heading, bars, measures, 10 + bars.size() * ROW_HEIGHT));
        });
        List<String> unavailable = view.unavailable().stream().map(u -> u.part() + " (" + u.reason() + ")").toList();
        return new InsightReport(title, charts, unavailable);
    }
}
