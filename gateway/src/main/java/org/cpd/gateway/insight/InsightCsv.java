package org.cpd.gateway.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every table of an insight view as one CSV (RFC 4180) in long form: one line per published cell,
 * {@code part,table,row,measure,value,suppressed}. {@code row} names the cell's dimensions
 * ({@code form=MENTORING;status=ACTIVE}); a suppressed count has an empty value and {@code true}.
 */
public final class InsightCsv {

    static final String HEADER = "part,table,row,measure,value,suppressed";
    /** Descriptions of the view, not tables. */
    static final Set<String> NOT_TABLES = Set.of("scope", "suppressionThreshold", "notAvailable");

    private InsightCsv() {
    }

    public static String of(InsightView view) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        part(csv, "relationships", view.relationships());
        part(csv, "goals", view.goals());
        return csv.toString();
    }

    private static void part(StringBuilder csv, String part, Map<String, Object> body) {
        if (body == null) {
            return;
        }
        body.forEach((table, value) -> {
            if (NOT_TABLES.contains(table)) {
                return;
            }
            if (value instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> cells) {
                        row(csv, part, table, cells);
                    }
                }
            } else if (value instanceof Map<?, ?> cells) {
                if (isCount(cells)) {
                    line(csv, part, table, "", "count", cells.get("value"), cells.get("suppressed"));
                } else {
                    row(csv, part, table, cells);
                }
            }
        });
    }

    private static void row(StringBuilder csv, String part, String table, Map<?, ?> cells) {
        List<String> dimensions = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (v instanceof String s) {
                dimensions.add(k + "=" + s);
            }
        });
        String row = String.join(";", dimensions);
        cells.forEach((k, v) -> {
            if (v instanceof Map<?, ?> count && isCount(count)) {
                line(csv, part, table, row, k.toString(), count.get("value"), count.get("suppressed"));
            } else if (v instanceof Number || (v == null)) {
                line(csv, part, table, row, k.toString(), v, null);
            }
        });
    }

    private static boolean isCount(Map<?, ?> m) {
        return m.containsKey("suppressed");
    }

    private static void line(StringBuilder csv, String part, String table, String row, String measure, Object value, Object suppressed) {
        csv.append(field(part)).append(',').append(field(table)).append(',').append(field(row)).append(',')
                .append(field(measure)).append(',').append(value == null ? "" : field(value.toString())).append(',')
                .append(suppressed == null ? "" : suppressed.toString()).append("\r\n");
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
