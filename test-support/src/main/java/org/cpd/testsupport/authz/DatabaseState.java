package org.cpd.testsupport.authz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cpd.testsupport.PostgresResource;

/**
 * A snapshot of every table of the test database (a digest of its rows), to prove that a refused
 * request wrote nothing. Tables that background work updates on its own (the outbox relay marks
 * rows sent) are compared by row count only.
 */
public final class DatabaseState {

    private DatabaseState() {
    }

    public static Supplier<Map<String, String>> of(Set<String> countOnly) {
        return () -> capture(countOnly);
    }

    private static Map<String, String> capture(Set<String> countOnly) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema()"
                    + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<String> parts = new ArrayList<>();
            for (String table : tables) {
                String digest = countOnly.contains(table) ? "''"
                        : "coalesce(md5(string_agg(t::text, '|' order by t::text)), '')";
                parts.add("select '" + table + "', count(*) || ':' || " + digest + " from " + table + " t");
            }
            Map<String, String> state = new TreeMap<>();
            try (ResultSet rs = s.executeQuery(String.join(" union all ", parts))) {
                while (rs.next()) {
                    state.put(rs.getString(1), rs.getString(2));
                }
            }
            return state;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the test database", e);
        }
    }
}
