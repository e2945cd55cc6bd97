package org.cpd.testsupport.fuzz;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpd.testsupport.OpenApiDrift;

/**
 * Sends malformed variants of every operation of a committed OpenAPI document (docs/openapi/<service>.yaml)
 * to the running application and collects every answer that breaks the API's promise: no 5xx, and
 * every 4xx an {@code application/problem+json} body. Deterministic for a seed; bounded in time
 * (variants are sent breadth-first, one of each kind to every operation before the next kind, so a
 * short budget still reaches every operation). {@code -Dfuzz.seconds=N} raises the budget.
 */
public final class OpenApiFuzzer {

    static final String NUL = "a\u0000b";
    static final String ESCAPE = "x\u001b[31m";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An operation of the document. */
    public record Operation(String id, String method, String path, JsonNode definition) {
    }

    /** One malformed request: what is wrong with it, and how to send it. */
    public record Case(Operation operation, String variant, String url, String contentType, byte[] body) {

        public String key() {
            return operation.id() + " " + variant;
        }
    }

    /** An answer that breaks the promise. */
    public record Finding(String key, String method, String url, String requestBody, int status, String contentType, String responseBody) {

        @Override
        public String toString() {
            return key + ": " + method + " " + url + (requestBody.isEmpty() ? "" : " body " + requestBody)
                    + " -> " + status + " " + contentType + " " + responseBody;
        }
    }

    /** What a run did. */
    public record Report(int operations, int casesPlanned, int casesSent, Map<Integer, Integer> statuses,
            List<Finding> findings, Set<String> knownFailuresSeen) {
    }

    private final Map<Integer, Integer> statuses = new java.util.HashMap<>();
    private final JsonNode document;
    private final Random random;
    private Function<Operation, String> tokens = operation -> null;
    private Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 8));

    private OpenApiFuzzer(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** The committed document of a service, from the repository root. */
    public static OpenApiFuzzer forService(String service) {
        Path file = OpenApiDrift.repositoryRoot().resolve("docs/openapi/" + service + ".yaml");
        try {
            return new OpenApiFuzzer(new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file)), Long.getLong("fuzz.seed", 20261201L));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** The bearer token of a caller who may call the operation. */
    public OpenApiFuzzer tokens(Function<Operation, String> tokens) {
        this.tokens = tokens;
        return this;
    }

    public OpenApiFuzzer budget(Duration budget) {
        if (System.getProperty("fuzz.seconds") == null) {
            this.budget = budget;
        }
        return this;
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    String id = method.getValue().path("operationId").asText(method.getKey() + " " + path.getKey());
                    operations.add(new Operation(id, method.getKey().toUpperCase(), path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /**
     * Sends the cases until the budget is spent. A finding whose key starts with one of
     * {@code knownFailures} is left out of the findings (and reported as seen).
     */
    public Report run(Set<String> knownFailures) {
        List<Operation> operations = operations();
        List<List<Case>> perOperation = new ArrayList<>();
        for (Operation operation : operations) {
            perOperation.add(cases(operation));
        }
        int planned = perOperation.stream().mapToInt(List::size).sum();
        List<Finding> findings = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        statuses.clear();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        boolean more = true;
        // the first round always completes: every operation gets at least one case, however slow the machine
        for (int round = 0; more && (round == 0 || System.nanoTime() < deadline); round++) {
            more = false;
            for (List<Case> cases : perOperation) {
                if (round >= cases.size()) {
                    continue;
                }
                more = true;
                if (round > 0 && System.nanoTime() >= deadline) {
                    break;
                }
                Case c = cases.get(round);
                Finding finding;
                try {
                    finding = send(c);
                } catch (OpenApiValidationFilter.OpenApiValidationException undeclared) {
                    // the answer is not what the committed document declares (ResponseValidation's filter)
                    finding = new Finding(c.key(), c.operation().method(), abbreviate(c.url()),
                            c.body() == null ? "" : abbreviate(new String(c.body(), StandardCharsets.ISO_8859_1)), 0,
                            "", "not as the document declares: " + abbreviate(undeclared.getValidationReport().getMessages().stream()
                                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                                    .map(ValidationReport.Message::getMessage).toList().toString()));
                } catch (RuntimeException clientRefused) {
                    statuses.merge(-1, 1, Integer::sum); // the HTTP client would not send it (counted as status -1)
                    continue;
                }
                sent++;
                if (finding == null) {
                    continue;
                }
                String match = knownFailures.stream().filter(finding.key()::startsWith).findFirst().orElse(null);
                if (match != null) {
                    known.add(match);
                } else {
                    findings.add(finding);
                }
            }
        }
        return new Report(operations.size(), planned, sent, new java.util.TreeMap<>(statuses), findings, known);
    }

    Finding send(Case c) {
        String token = tokens.apply(c.operation());
        RequestSpecification request = given().urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.body(c.body());
        }
        if (c.operation().method().equals("PUT") || c.operation().method().equals("PATCH")) {
            request.header("If-Match", "*");
        }
        Response response = request.request(c.operation().method(), c.url());
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String type = response.contentType() == null ? "" : response.contentType();
        boolean broken = status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"));
        if (!broken) {
            return null;
        }
        String sentBody = c.body() == null ? "" : abbreviate(new String(c.body(), StandardCharsets.ISO_8859_1));
        return new Finding(c.key(), c.operation().method(), abbreviate(c.url()), sentBody, status, type, abbreviate(response.asString()));
    }

    // ---- the cases of one operation -------------------------------------------------------------

    List<Case> cases(Operation operation) {
        List<Case> cases = new ArrayList<>();
        Map<String, JsonNode> pathParameters = new LinkedHashMap<>();
        Map<String, JsonNode> queryParameters = new LinkedHashMap<>();
        for (JsonNode parameter : operation.definition().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            JsonNode schema = resolve(resolved.path("schema"));
            switch (resolved.path("in").asText()) {
                case "path" -> pathParameters.put(resolved.path("name").asText(), schema);
                case "query" -> queryParameters.put(resolved.path("name").asText(), schema);
                default -> {
                }
            }
        }
        Map<String, String> validPath = new LinkedHashMap<>();
        pathParameters.forEach((name, schema) -> validPath.put(name, encode(validScalar(schema))));
        JsonNode content = operation.definition().path("requestBody").path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode bodySchema = mediaType == null ? null : resolve(content.path(mediaType).path("schema"));
        boolean multipart = mediaType != null && mediaType.startsWith("multipart/");
        boolean json = mediaType != null && mediaType.contains("json");
        String validType = json ? "application/json" : multipart ? "multipart/form-data; boundary=FUZZ" : mediaType;
        byte[] validBody = bodySchema == null ? null
                : multipart ? multipart("file", "fuzz.txt", "text/plain", "fuzz") 
                : json ? bytes(write(valid(bodySchema, 0))) : bytes("fuzz");

        // path parameters
        for (String name : pathParameters.keySet()) {
            for (Map.Entry<String, String> bad : badPathValues().entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(validPath);
                values.put(name, bad.getValue());
                cases.add(new Case(operation, "path." + name + "=" + bad.getKey(), url(operation, values, Map.of()), validType, validBody));
            }
        }
        // query parameters
        for (Map.Entry<String, JsonNode> parameter : queryParameters.entrySet()) {
            for (Map.Entry<String, String> bad : badQueryValues(parameter.getKey(), parameter.getValue()).entrySet()) {
                cases.add(new Case(operation, "query." + parameter.getKey() + "=" + bad.getKey(),
                        url(operation, validPath, Map.of(parameter.getKey(), bad.getValue())), validType, validBody));
            }
        }
        String url = url(operation, validPath, Map.of());
        if (bodySchema == null) {
            if (cases.isEmpty()) {
                cases.add(new Case(operation, "plain", url, null, null));
            }
            return interleave(cases);
        }
        // bodies
        cases.add(new Case(operation, "body=empty", url, validType, new byte[0]));
        cases.add(new Case(operation, "body=wrong-content-type", url, "text/plain", validBody));
        if (multipart) {
            cases.add(new Case(operation, "multipart=unterminated", url, "multipart/form-data; boundary=FUZZ",
                    bytes("--FUZZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc")));
            cases.add(new Case(operation, "multipart=garbage", url, "multipart/form-data; boundary=FUZZ", bytes("not multipart")));
            cases.add(new Case(operation, "multipart=no-boundary", url, "multipart/form-data", bytes("--x\r\n\r\n")));
            cases.add(new Case(operation, "multipart=nul-file-name", url, "multipart/form-data; boundary=FUZZ",
                    multipart("file", NUL + ".txt", "text/plain", "fuzz")));
            cases.add(new Case(operation, "multipart=json", url, "application/json", bytes("{}")));
            return interleave(cases);
        }
        if (!json) {
            cases.add(new Case(operation, "text=nul", url, validType, bytes("a,b\r\n" + NUL + ",\"unterminated\r\n")));
            cases.add(new Case(operation, "text=huge-line", url, validType, bytes("x".repeat(200_000))));
            return interleave(cases);
        }
        String valid = new String(validBody, StandardCharsets.UTF_8);
        cases.add(new Case(operation, "body=not-json", url, validType, bytes("{\"a\": ")));
        cases.add(new Case(operation, "body=trailing-garbage", url, validType, bytes(valid + " x")));
        cases.add(new Case(operation, "body=concatenated", url, validType, bytes(valid + valid)));
        cases.add(new Case(operation, "body=null", url, validType, bytes("null")));
        cases.add(new Case(operation, "body=array", url, validType, bytes("[" + valid + "]")));
        cases.add(new Case(operation, "body=scalar", url, validType, bytes("1")));
        cases.add(new Case(operation, "body=deep-nesting", url, validType, bytes("[".repeat(5000) + "]".repeat(5000))));
        cases.add(new Case(operation, "body=deep-object", url, validType, bytes("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))));
        cases.add(new Case(operation, "body=invalid-utf8", url, validType, concat(bytes("{\"a\":\""), new byte[] {(byte) 0xC3, (byte) 0x28}, bytes("\"}"))));
        // fields, with the rest of the body valid
        JsonNode base = valid(bodySchema, 0);
        if (base instanceof ObjectNode object) {
            for (FieldPath field : fields(bodySchema, object)) {
                for (Map.Entry<String, String> bad : badFieldValues(field.schema()).entrySet()) {
                    cases.add(new Case(operation, "body." + field.name() + "=" + bad.getKey(), url, validType,
                            bytes(replaceField(object, field, bad.getValue()))));
                }
                cases.add(new Case(operation, "body." + field.name() + "=duplicated-key", url, validType,
                        bytes(duplicateField(object, field))));
            }
        }
        return interleave(cases);
    }

    /** A seeded shuffle within an operation, so a short budget samples every kind of case. */
    private List<Case> interleave(List<Case> cases) {
        List<Case> shuffled = new ArrayList<>(cases);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled;
    }

    static Map<String, String> badPathValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nul", "%00");
        values.put("nul-inside", "a%00b");
        values.put("control", "a%1Bb");
        values.put("huge", "a".repeat(3000));
        values.put("not-uuid", "not-a-uuid");
        values.put("negative", "-1");
        values.put("out-of-range", "99999999999999999999999");
        values.put("invalid-utf8", "%C3%28");
        values.put("dots", "..%2F..");
        return values;
    }

    static Map<String, String> badQueryValues(String name, JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("nul", "a%00b");
        values.put("control", "a%07b");
        values.put("huge", "a".repeat(3000));
        values.put("wrong-type", "not-a-" + schema.path("type").asText("value"));
        values.put("float", "1.5");
        values.put("out-of-range", "99999999999999999999");
        values.put("negative", "-1");
        values.put("far-future", encode("+1000000000-01-01T00:00:00Z"));
        values.put("far-past", encode("-1000000000-01-01T00:00:00Z"));
        values.put("year-10000", encode("+10000-01-01"));
        values.put("empty", "");
        if (name.toLowerCase().contains("cursor")) {
            values.put("huge-cursor", "A".repeat(3000));
            values.put("far-cursor", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    bytes("+1000000000-01-01T00:00:00Z|" + UUID.randomUUID())));
        }
        return values;
    }

    /** Raw JSON values that a field of this schema must refuse (or read as ordinary text, never fail on). */
    static Map<String, String> badFieldValues(JsonNode schema) {
        Map<String, String> values = new LinkedHashMap<>();
        String type = typeOf(schema);
        values.put("null", "null");
        values.put("object", "{\"a\":1}");
        switch (type) {
            case "string" -> {
                values.put("number", "1");
                values.put("boolean", "true");
                values.put("array", "[\"a\"]");
                values.put("nul", "\"a\\u0000b\"");
                values.put("control", "\"x\\u001b[31m\"");
                values.put("huge", "\"" + "x".repeat(200_000) + "\"");
                values.put("far-future", "\"+1000000000-01-01T00:00:00Z\"");
                values.put("far-past", "\"-1000000000-01-01\"");
                values.put("year-10000", "\"+10000-01-01\"");
                values.put("not-a-date", "\"2026-02-30\"");
                if (schema.has("enum")) {
                    values.put("enum-as-integer", "1");
                    values.put("unknown-enum", "\"NO_SUCH_VALUE\"");
                }
            }
            case "integer" -> {
                values.put("float", "1.5");
                values.put("string", "\"1\"");
                values.put("huge", "99999999999999999999999");
                values.put("negative", "-2147483649");
                values.put("exponent", "1e400");
                values.put("boolean", "true");
            }
            case "number" -> {
                values.put("string", "\"1\"");
                values.put("exponent", "1e400");
                values.put("boolean", "true");
            }
            case "boolean" -> {
                values.put("string", "\"true\"");
                values.put("number", "1");
            }
            case "array" -> {
                values.put("null-element", "[null]");
                values.put("string", "\"a\"");
                values.put("huge", "[" + "1,".repeat(50_000) + "1]");
                JsonNode items = schema.path("items");
                String itemType = typeOf(items);
                if (itemType.equals("string")) {
                    values.put("nul-element", "[\"a\\u0000b\"]");
                    values.put("number-element", "[1]");
                } else if (itemType.equals("object")) {
                    values.put("scalar-element", "[1]");
                }
            }
            case "object" -> {
                values.put("string", "\"a\"");
                values.put("array", "[]");
            }
            default -> values.put("string", "\"a\\u0000b\"");
        }
        return values;
    }

    // ---- valid values from the schema -----------------------------------------------------------

    JsonNode valid(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        String type = typeOf(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                if (depth > 4) {
                    return object;
                }
                Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    if (!property.getValue().path("readOnly").asBoolean(false)) {
                        object.set(property.getKey(), valid(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                if (depth <= 4) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return JSON.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "number" -> {
                return JSON.numberNode(Math.max(1, schema.path("minimum").asDouble(1)));
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            default -> {
                return JSON.textNode(validScalar(schema));
            }
        }
    }

    String validScalar(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        String type = typeOf(schema);
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        return switch (schema.path("format").asText("")) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time" -> "2026-09-01T09:00:00Z";
            case "date" -> "2026-09-01";
            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.org";
            case "uri", "url" -> "https://example.org/fuzz";
            default -> {
                JsonNode examples = schema.path("examples");
                if (examples.isArray() && examples.size() > 0 && examples.get(0).isTextual()) {
                    yield examples.get(0).asText();
                }
                int length = Math.max(4, schema.path("minLength").asInt(4));
                yield "f".repeat(Math.min(length, schema.path("maxLength").asInt(length)));
            }
        };
    }

    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "string";
    }

    JsonNode resolve(JsonNode schema) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.has("$ref")) {
                String ref = schema.path("$ref").asText();
                JsonNode target = document.at(ref.substring(1));
                if (target.isMissingNode()) {
                    return schema;
                }
                // keywords beside the $ref (3.1) add to the target
                if (schema.size() > 1 && target.isObject()) {
                    ObjectNode merged = ((ObjectNode) target).deepCopy();
                    schema.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("$ref")) {
                            merged.putIfAbsent(e.getKey(), e.getValue());
                        }
                    });
                    schema = merged;
                } else {
                    schema = target;
                }
                continue;
            }
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0) {
                    JsonNode first = schema.path(combinator).get(0);
                    if (combinator.equals("allOf") || !first.path("type").asText().equals("null")) {
                        schema = first;
                    } else if (schema.path(combinator).size() > 1) {
                        schema = schema.path(combinator).get(1);
                    }
                }
            }
            if (!schema.has("$ref")) {
                return schema;
            }
        }
        return schema == null ? JSON.objectNode() : schema;
    }

    // ---- fields of a body -----------------------------------------------------------------------

    /** A field of the body: its name as a problem would give it and the way to it. */
    record FieldPath(String name, List<Object> steps, JsonNode schema) {
    }

    List<FieldPath> fields(JsonNode schema, ObjectNode body) {
        List<FieldPath> fields = new ArrayList<>();
        collectFields(resolve(schema), body, "", new ArrayList<>(), fields, 0);
        return fields;
    }

    private void collectFields(JsonNode schema, JsonNode value, String prefix, List<Object> steps, List<FieldPath> out, int depth) {
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (!value.has(property.getKey())) {
                continue;
            }
            JsonNode propertySchema = resolve(property.getValue());
            String name = prefix + property.getKey();
            List<Object> path = new ArrayList<>(steps);
            path.add(property.getKey());
            out.add(new FieldPath(name, path, propertySchema));
            if (depth < 2) {
                String type = typeOf(propertySchema);
                if (type.equals("object")) {
                    collectFields(propertySchema, value.path(property.getKey()), name + ".", path, out, depth + 1);
                } else if (type.equals("array") && typeOf(resolve(propertySchema.path("items"))).equals("object")
                        && value.path(property.getKey()).size() > 0) {
                    List<Object> element = new ArrayList<>(path);
                    element.add(0);
                    collectFields(resolve(propertySchema.path("items")), value.path(property.getKey()).get(0), name + "[0].",
                            element, out, depth + 1);
                }
            }
        }
    }

    private static final String MARKER = "\"__fuzz_marker__\"";

    static String replaceField(ObjectNode body, FieldPath field, String rawValue) {
        ObjectNode copy = body.deepCopy();
        JsonNode parent = copy;
        List<Object> steps = field.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
        }
        ((ObjectNode) parent).put((String) steps.get(steps.size() - 1), "__fuzz_marker__");
        return write(copy).replace(MARKER, rawValue);
    }

    /** The field given twice, the second time with a value of another JSON type. */
    static String duplicateField(ObjectNode body, FieldPath field) {
        String other = typeOf(field.schema()).equals("string") ? "1" : "\"d\"";
        String name = (String) field.steps().get(field.steps().size() - 1);
        String withMarker = replaceField(body, field, MARKER);
        String original = write(get(body, field.steps()));
        return withMarker.replace("\"" + name + "\":" + MARKER, "\"" + name + "\":" + original + ",\"" + name + "\":" + other);
    }

    private static JsonNode get(JsonNode node, List<Object> steps) {
        for (Object step : steps) {
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        return node;
    }

    // ---- plumbing -------------------------------------------------------------------------------

    static String url(Operation operation, Map<String, String> pathValues, Map<String, String> query) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder url = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(url, Matcher.quoteReplacement(pathValues.getOrDefault(matcher.group(1), "x")));
        }
        matcher.appendTail(url);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = "&";
        }
        return url.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] multipart(String name, String fileName, String type, String content) {
        return bytes("--FUZZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n" + content + "\r\n--FUZZ--\r\n");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        String printable = text.replace("\u0000", "\\u0000").replace("\u001b", "\\u001b").replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "…(" + printable.length() + " chars)";
    }
}
