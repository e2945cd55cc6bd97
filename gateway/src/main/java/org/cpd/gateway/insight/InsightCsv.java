package org.cpd.gateway.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table of an insight view as cells, and as one CSV (RFC 4180) in long form: one line per
 * published cell, {@code part,table,row,measure,value,suppressed}. {@code row} names the cell's
 * dimensions ({@code form=MENTORING;status=ACTIVE}); a suppressed count has an empty value and
 * {@code true}; a measure that is not a count (a median, hours) has an empty {@code suppressed}.
 */
public final class InsightCsv {

    static final String HEADER = "part,table,row,measure,value,suppressed";
    /** Descriptions of the view, not tables. */
    static final Set<String> NOT_TABLES = Set.of("scope", "suppressionThreshold", "notAvailable", "asOf");

    /** One published cell; {@code suppressed} is null for a measure that is not a count. */
    public record Cell(String part, String table, String row, String measure, Object value, Boolean suppressed) {

        public boolean isCount() {
            return suppressed != null;
        }
    }

    private InsightCsv() {
    }

    public static String of(InsightView view) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Cell c : cells(view)) {
            csv.append(field(c.part())).append(',').append(field(c.table())).append(',').append(field(c.row())).append(',')
                    .append(field(c.measure())).append(',').append(c.value() == null ? "" : field(c.value().toString())).append(',')
                    .append(c.suppressed() == null ? "" : c.suppressed().toString()).append("\r\n");
        }
        return csv.toString();
    }

    public static List<Cell> cells(InsightView view) {
        List<Cell> cells = new ArrayList<>();
        part(cells, "relationships", view.relationships());
        part(cells, "goals", view.goals());
        part(cells, "supportLoad", view.supportLoad());
        return cells;
    }

    private static void part(List<Cell> cells, String part, Map<String, Object> body) {
        if (body == null) {
            return;
        }
        body.forEach((table, value) -> {
            if (NOT_TABLES.contains(table)) {
                return;
            }
            if (value instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> m) {
                        row(cells, part, table, m);
                    }
                }
            } else if (value instanceof Map<?, ?> m) {
                if (isCount(m)) {
                    cells.add(new Cell(part, table, "", "count", m.get("value"), bool(m.get("suppressed"))));
                } else {
                    row(cells, part, table, m);
                }
            }
        });
    }

    private static void row(List<Cell> cells, String part, String table, Map<?, ?> m) {
        List<String> dimensions = new ArrayList<>();
        m.forEach((k, v) -> {
            if (v instanceof String s) {
                dimensions.add(k + "=" + s);
            }
        });
        String row = String.join(";", dimensions);
        m.forEach((k, v) -> {
            if (v instanceof Map<?, ?> count && isCount(count)) {
                cells.add(new Cell(part, table, row, k.toString(), count.get("value"), bool(count.get("suppressed"))));
            } else if (v instanceof Number || v == null) {
                cells.add(new Cell(part, table, row, k.toString(), v, null));
            }
        });
    }

    private static boolean isCount(Map<?, ?> m) {
        return m.containsKey("suppressed");
    }

    private static Boolean bool(Object o) {
        return Boolean.TRUE.equals(o);
    }

    /** Quoted when needed; a leading formula character is neutralised for spreadsheets. */
    static String field(String s) {
        String v = !s.isEmpty() && "=+@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
