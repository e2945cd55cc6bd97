package org.cpd.testsupport.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Runs a benchmark's data script, a classpath resource written for psql: {@code :'name'} stands for a quoted
 * value and {@code :name} for a bare one, so {@code bench/} scripts can load the same rows into the local
 * stack with {@code psql -v name=value -f}.
 */
public final class BenchSql {

    private static final Pattern VARIABLE = Pattern.compile(":('?)([a-z_]+)\\1(?![a-z_])");

    private BenchSql() {
    }

    /** The script with its variables replaced; a variable without a value is an error, not a silent gap. */
    public static String render(String script, Map<String, ?> values) {
        Matcher m = VARIABLE.matcher(script);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            if (m.start() > 0 && script.charAt(m.start() - 1) == ':') {
                m.appendReplacement(sql, Matcher.quoteReplacement(m.group())); // a ::type cast
                continue;
            }
            Object value = values.get(m.group(2));
            if (value == null) {
                throw new IllegalArgumentException("no value for :" + m.group(2));
            }
            String text = value.toString();
            m.appendReplacement(sql, Matcher.quoteReplacement(m.group(1).isEmpty() ? text : "'" + text.replace("'", "''") + "'"));
        }
        return m.appendTail(sql).toString();
    }

    /** Runs the test resource {@code name} (e.g. {@code bench/insight-load.sql}) in one transaction. */
    public static void run(DataSource dataSource, String name, Map<String, ?> values) {
        String script;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            s.execute(render(script, values));
            c.commit();
            c.setAutoCommit(auto);
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }
}
