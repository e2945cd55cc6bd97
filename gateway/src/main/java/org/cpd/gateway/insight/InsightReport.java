package org.cpd.gateway.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The printable report's model: one bar chart (server-rendered SVG) per table of counts, with the
 * table's other measures listed beside it, and for supporters' load one chart per table of load
 * against capacity with the table itself. Suppressed counts are drawn as a marked stub, never as a value.
 */
public record InsightReport(String title, List<Chart> charts, List<LoadChart> loadCharts, List<String> unavailable) {

    static final int LABEL_WIDTH = 330;
    static final int BAR_SPACE = 300;
    static final int ROW_HEIGHT = 22;
    static final int STUB = 6;
    /** The tables of directory-service's part, in the order shown, with their headings. */
    static final Map<String, String> LOAD_TABLES = Map.of("byForm", "by form", "byExpertise", "by expertise area and form",
            "bySchool", "by school and form");
    static final List<String> LOAD_ORDER = List.of("byForm", "byExpertise", "bySchool");
    static final List<String> LOAD_MEASURES = List.of("supporters", "paused", "capacity", "load", "freePlaces", "overloaded",
            "atCapacity");

    public record Chart(String heading, List<Bar> bars, List<InsightCsv.Cell> measures, int height) {
    }

    /** One bar: its label, what is shown, and where it sits in the SVG. */
    public record Bar(String label, String shown, boolean suppressed, int y, int textY, int width, int textX) {
    }

    /** Load against capacity for one table of the load part: a pair of bars and a table row per row with supporters. */
    public record LoadChart(String heading, List<LoadBar> bars, List<LoadRow> rows, int height) {
    }

    /**
     * One row's bars: capacity (the wide, light bar) with the places taken over it (the narrow bar, marked
     * when some supporters are overloaded); a suppressed figure is a grey stub.
     */
    public record LoadBar(String label, String shown, String capacityClass, int capacityWidth, String loadClass, int loadWidth,
                          int y, int loadY, int textY, int textX) {
    }

    /** One row of the load table: every measure as published ("suppressed" for a withheld count). */
    public record LoadRow(String label, List<String> values) {
    }

    public static InsightReport of(InsightView view) {
        String title = "PARTNERSHIP".equals(view.kind())
                ? "Partnership " + view.partnershipId() + (view.schoolUrn() == null ? "" : ", school " + view.schoolUrn())
                : "School " + view.schoolUrn();
        Map<String, List<InsightCsv.Cell>> byTable = new LinkedHashMap<>();
        for (InsightCsv.Cell c : InsightCsv.cells(view)) {
            if (!c.part().equals("supportLoad")) {
                byTable.computeIfAbsent(c.part() + " · " + c.table(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Chart> charts = new ArrayList<>();
        byTable.forEach((heading, cells) -> {
            List<InsightCsv.Cell> counts = cells.stream().filter(InsightCsv.Cell::isCount).toList();
            long max = counts.stream().filter(c -> c.value() != null).mapToLong(c -> ((Number) c.value()).longValue()).max().orElse(0);
            List<Bar> bars = new ArrayList<>();
            for (InsightCsv.Cell c : counts) {
                int y = 5 + bars.size() * ROW_HEIGHT;
                String label = (c.row().isEmpty() ? "" : c.row().replace(';', ' ') + " ") + c.measure();
                int width = c.suppressed() ? STUB : max == 0 ? 0 : (int) Math.round(((Number) c.value()).doubleValue() / max * BAR_SPACE);
                String shown = c.suppressed() ? "suppressed" : String.valueOf(c.value());
                bars.add(new Bar(label, shown, c.suppressed(), y, y + 13, width, LABEL_WIDTH + width + 6));
            }
            List<InsightCsv.Cell> measures = cells.stream().filter(c -> !c.isCount()).toList();
            charts.add(new Chart(heading, bars, measures, 10 + bars.size() * ROW_HEIGHT));
        });
        List<String> unavailable = view.unavailable().stream().map(u -> u.part() + " (" + u.reason() + ")").toList();
        return new InsightReport(title, charts, loadCharts(view.supportLoad()), unavailable);
    }

    private static List<LoadChart> loadCharts(Map<String, Object> part) {
        List<LoadChart> charts = new ArrayList<>();
        if (part == null) {
            return charts;
        }
        for (String table : LOAD_ORDER) {
            if (!(part.get(table) instanceof List<?> rows)) {
                continue;
            }
            List<Map<?, ?>> shown = new ArrayList<>();
            for (Object row : rows) {
                // rows without any supporter (a published 0) carry no load; the CSV has them
                if (row instanceof Map<?, ?> m && !Long.valueOf(0).equals(value(m.get("supporters")))) {
                    shown.add(m);
                }
            }
            long max = 0;
            for (Map<?, ?> m : shown) {
                max = Math.max(max, Math.max(orZero(value(m.get("capacity"))), orZero(value(m.get("load")))));
            }
            List<LoadBar> bars = new ArrayList<>();
            List<LoadRow> tableRows = new ArrayList<>();
            for (Map<?, ?> m : shown) {
                String label = label(m);
                Long capacity = value(m.get("capacity"));
                Long load = value(m.get("load"));
                boolean over = orZero(value(m.get("overloaded"))) > 0 || suppressed(m.get("overloaded"))
                        || (capacity != null && load != null && load > capacity);
                int capacityWidth = capacity == null ? STUB : width(capacity, max);
                int loadWidth = load == null ? STUB : width(load, max);
                int y = 5 + bars.size() * ROW_HEIGHT;
                String text = load == null || capacity == null ? "suppressed" : load + " of " + capacity;
                bars.add(new LoadBar(label, text, capacity == null ? "suppressed" : "capacity", capacityWidth,
                        load == null ? "suppressed" : over ? "overloaded" : "load", loadWidth, y, y + 4, y + 13,
                        LABEL_WIDTH + Math.max(capacityWidth, loadWidth) + 6));
                tableRows.add(new LoadRow(label, LOAD_MEASURES.stream().map(k -> shown(m.get(k))).toList()));
            }
            charts.add(new LoadChart("supportLoad · " + table + " (" + LOAD_TABLES.get(table) + ")", bars, tableRows,
                    10 + bars.size() * ROW_HEIGHT));
        }
        return charts;
    }

    private static String label(Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        for (String dimension : List.of("schoolUrn", "area", "form")) {
            if (m.get(dimension) instanceof String s) {
                parts.add(s);
            }
        }
        return String.join(" · ", parts);
    }

    private static int width(long n, long max) {
        return max == 0 ? 0 : (int) Math.round((double) n / max * BAR_SPACE);
    }

    private static Long value(Object count) {
        return count instanceof Map<?, ?> m && m.get("value") instanceof Number n ? n.longValue() : null;
    }

    private static boolean suppressed(Object count) {
        return count instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("suppressed"));
    }

    private static long orZero(Long n) {
        return n == null ? 0 : n;
    }

    private static String shown(Object count) {
        if (suppressed(count)) {
            return "suppressed";
        }
        Long n = value(count);
        return n == null ? "–" : n.toString();
    }
}
