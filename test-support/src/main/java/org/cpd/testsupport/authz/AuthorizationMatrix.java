package org.cpd.testsupport.authz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.cpd.testsupport.OpenApiDrift;

/**
 * An authorization matrix: every operation of a service's committed OpenAPI document × every kind
 * of caller, with the expected outcome read from a table beside the test (a CSV resource,
 * {@code operationId,caller,expected}; {@code #} starts a comment line). The table must be
 * complete: an operation of the document without a row for some caller fails, as does a row
 * naming an unknown operation or caller, so a new operation cannot ship without its rows.
 *
 * <p>Cells listed as known gaps (the correct expectation is in the table, today's code disagrees)
 * are still sent; they fail the run only once they pass, so the gap list cannot outlive its fix.
 */
public final class AuthorizationMatrix {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final String table;
    private final Map<String, Operation> operations;
    private final List<Cell> cells;

    private AuthorizationMatrix(String table, Map<String, Operation> operations, List<Cell> cells) {
        this.table = table;
        this.operations = operations;
        this.cells = cells;
    }

    /** Reads docs/openapi/{service}.yaml and the table (a classpath resource). */
    public static AuthorizationMatrix load(String service, String tableResource) {
        return load(OpenApiDrift.repositoryRoot().resolve("docs/openapi/" + service + ".yaml"), tableResource, readResource(tableResource));
    }

    /** The same from a given document and table text ({@code tableName} names the table in messages). */
    public static AuthorizationMatrix load(Path document, String tableName, String table) {
        Map<String, Operation> operations = operationsOf(document);
        String service = document.getFileName().toString();
        String tableResource = tableName;
        List<String> problems = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        List<String> lines = table.lines().toList();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header) {
                header = false;
                if (!line.equals("operationId,caller,expected")) {
                    problems.add(tableResource + ":" + (i + 1) + ": the first row must be operationId,caller,expected");
                }
                continue;
            }
            String where = tableResource + ":" + (i + 1) + ": ";
            if (fields.length != 3) {
                problems.add(where + "expected three fields, got '" + line + "'");
                continue;
            }
            Operation operation = operations.get(fields[0].strip());
            if (operation == null) {
                problems.add(where + "no operation '" + fields[0].strip() + "' in the OpenAPI document of " + service);
                continue;
            }
            try {
                cells.add(new Cell(operation, fields[1].strip(), Expected.parse(fields[2])));
            } catch (IllegalArgumentException e) {
                problems.add(where + e.getMessage());
            }
        }
        failIfAny("The authorization table " + tableResource + " is invalid", problems);
        return new AuthorizationMatrix(tableResource, operations, cells);
    }

    public Collection<Operation> operations() {
        return operations.values();
    }

    public List<Cell> cells() {
        return cells;
    }

    /**
     * Fails unless every operation has exactly one row per caller, every row names a known caller
     * and every known gap names a row.
     */
    public void assertComplete(Set<String> callers, Set<String> knownGaps) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> rows = cells.stream().collect(Collectors.groupingBy(Cell::key, LinkedHashMap::new, Collectors.counting()));
        rows.forEach((key, count) -> {
            if (count > 1) {
                problems.add("more than one row for " + key);
            }
        });
        for (Cell cell : cells) {
            if (!callers.contains(cell.caller())) {
                problems.add("unknown caller '" + cell.caller() + "' in the row for " + cell.operation().id()
                        + " (known: " + callers + ")");
            }
        }
        for (Operation operation : operations.values()) {
            for (String caller : callers) {
                if (!rows.containsKey(operation.id() + "/" + caller)) {
                    problems.add("no row for " + operation + " and caller " + caller);
                }
            }
        }
        for (String gap : knownGaps) {
            if (!rows.containsKey(gap)) {
                problems.add("known gap '" + gap + "' names no row of the table");
            }
        }
        failIfAny("The authorization table " + table + " does not cover the OpenAPI document", problems);
    }

    /**
     * Sends every cell as its caller and checks the status. A refused write must leave
     * {@code state} (a snapshot of what the service stores) unchanged. Reports every failing cell
     * at once.
     */
    public void run(Callers callers, Arrangement arrangement, Set<String> knownGaps, Supplier<?> state) {
        assertComplete(callers.names(), knownGaps);
        List<String> failures = new ArrayList<>();
        List<String> fixedGaps = new ArrayList<>();
        for (Cell cell : cells) {
            String outcome;
            try {
                outcome = send(cell, callers, arrangement, state, knownGaps.contains(cell.key()));
            } catch (RuntimeException | AssertionError e) {
                outcome = "could not be arranged or sent: " + e;
            }
            if (knownGaps.contains(cell.key())) {
                if (outcome == null) {
                    fixedGaps.add(cell.key() + " now answers as the table says: remove it from KNOWN_GAPS");
                }
            } else if (outcome != null) {
                failures.add(cell + ": " + outcome);
            }
        }
        failures.addAll(fixedGaps);
        failIfAny(failures.size() + " of " + cells.size() + " cells of " + table + " failed", failures);
    }

    /** Returns null when the cell answers as expected, otherwise what went wrong. */
    private static String send(Cell cell, Callers callers, Arrangement arrangement, Supplier<?> state, boolean knownGap) {
        Operation operation = cell.operation();
        Request request = Objects.requireNonNull(arrangement.arrange(cell), "no request arranged for " + cell);
        Set<String> missing = new TreeSet<>(operation.pathParameters());
        missing.removeAll(request.pathParameters.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("path parameters not arranged: " + missing);
        }
        RequestSpecification spec = given().redirects().follow(false);
        if (!operation.isRead()) {
            // as a client sends it, also when there is no body (the arrangement may set another type)
            spec = spec.contentType(ContentType.JSON);
        }
        Optional<String> token = request.token != null ? Optional.of(request.token) : callers.token(cell.caller());
        spec = token.map(spec.auth()::oauth2).orElse(spec);
        spec = request.applyTo(spec).pathParams(request.pathParameters);
        boolean checkNothingWritten = !operation.isRead() && cell.expected().isRefusal() && !knownGap;
        Object before = checkNothingWritten ? state.get() : null;
        Response response = spec.request(operation.method(), operation.path());
        int status = response.statusCode();
        if (!cell.expected().matches(status)) {
            String body = response.asString();
            return "expected " + cell.expected() + ", got " + status
                    + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), 300)));
        }
        if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return "refused with " + status + " but without a problem body (content type " + response.contentType() + ")";
        }
        if (checkNothingWritten) {
            Object after = state.get();
            if (!Objects.equals(before, after)) {
                return "refused with " + status + " but the stored state changed: " + difference(before, after);
            }
        }
        return null;
    }

    private static String difference(Object before, Object after) {
        if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
            Set<Object> keys = new HashSet<>(b.keySet());
            keys.addAll(a.keySet());
            return keys.stream().filter(k -> !Objects.equals(b.get(k), a.get(k))).map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ", "changed: ", ""));
        }
        return before + " -> " + after;
    }

    static Map<String, Operation> operationsOf(Path document) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + document, e);
        }
        Map<String, Operation> operations = new LinkedHashMap<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                String id = method.getValue().path("operationId").asText(null);
                if (id == null) {
                    throw new IllegalStateException(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()
                            + " in " + document + " has no operationId");
                }
                operations.put(id, new Operation(id, method.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        if (operations.isEmpty()) {
            throw new IllegalStateException("No operations in " + document);
        }
        return operations;
    }

    private static String readResource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + name + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void failIfAny(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(title + ":\n  " + String.join("\n  ", problems));
        }
    }
}
