package org.cpd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cpd.contracts.directory.DirectoryEvents;
import org.junit.jupiter.api.Test;

/**
 * The contracts, their JSON Schemas and the catalogue (docs/events.md) say the same thing: every
 * type constant has a schema and a catalogue row; a schema's fields are exactly its payload
 * record's components, with compatible JSON types; its examples validate and read as the record.
 * Renaming, removing or retyping a component fails here until the schema (a new version) follows.
 */
class EventCatalogueTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    static final Pattern TYPE = Pattern.compile("cpd\\.([a-z]+)\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
    static final Path CATALOGUE = Path.of("..", "docs", "events.md");

    /** One event type as the contracts declare it. */
    record Declared(String type, String topic, String producer, Class<?> eventsClass) {
    }

    /** One row of the catalogue table. */
    record Row(String topic, String type, String data, String key, List<String> fields, String producer, String consumers) {
    }

    @Test
    void everyTypeIsNamedForItsTopicAndVersioned() {
        for (Declared declared : declaredTypes()) {
            Matcher name = TYPE.matcher(declared.type());
            assertThat(name.matches()).as("%s is cpd.<area>.<event-name>.v<n>", declared.type()).isTrue();
            assertThat(declared.topic()).as("topic of %s", declared.type()).isEqualTo("cpd." + name.group(1) + ".events");
        }
    }

    @Test
    void everyTypeHasASchemaAndEverySchemaAType() throws Exception {
        Set<String> types = declaredTypes().stream().map(Declared::type).collect(Collectors.toCollection(TreeSet::new));
        Path schemas = Path.of(EventCatalogueTest.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(schemas)) {
            Set<String> schemaTypes = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(schemaTypes).isEqualTo(types);
        }
        assertThat(types).hasSizeGreaterThan(30);
    }

    @Test
    void schemaFieldsAreExactlyThePayloadRecordsComponentsWithCompatibleTypes() {
        for (Declared declared : declaredTypes()) {
            JsonNode schema = schema(declared.type());
            Class<?> record = payloadRecord(declared, schema);
            assertObjectMatchesRecord(declared.type(), schema, record);
        }
    }

    @Test
    void schemaExamplesAreValidAndReadAsThePayloadRecord() throws Exception {
        for (Declared declared : declaredTypes()) {
            JsonNode schema = schema(declared.type());
            JsonSchema validator = validator(schema);
            JsonNode examples = schema.path("examples");
            assertThat(examples.size()).as("examples of %s", declared.type()).isGreaterThan(0);
            for (JsonNode example : examples) {
                assertThat(validator.validate(example)).as("example of %s", declared.type()).isEmpty();
                Object read = JSON.treeToValue(example, payloadRecord(declared, schema));
                JsonNode roundTrip = JSON.valueToTree(read);
                assertThat(roundTrip).as("example of %s survives a round trip", declared.type()).isEqualTo(example);
            }
        }
    }

    @Test
    void schemasRefuseAMissingFieldAndAWrongType() {
        JsonNode schema = schema(DirectoryEvents.PRACTITIONER_REGISTERED);
        JsonSchema validator = validator(schema);
        com.fasterxml.jackson.databind.node.ObjectNode missing = schema.path("examples").get(0).deepCopy();
        missing.remove("partnershipIds");
        assertThat(validator.validate(missing)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode wrongType = schema.path("examples").get(0).deepCopy();
        wrongType.put("active", "yes");
        assertThat(validator.validate(wrongType)).isNotEmpty();
        com.fasterxml.jackson.databind.node.ObjectNode notAUuid = schema.path("examples").get(0).deepCopy();
        notAUuid.put("id", "42");
        assertThat(validator.validate(notAUuid)).isNotEmpty();
    }

    @Test
    void catalogueHasOneRowPerTypeMatchingTheContracts() throws IOException {
        Map<String, Row> rows = catalogueRows();
        List<Declared> declared = declaredTypes();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(declared.stream().map(Declared::type).toList());
        for (Declared d : declared) {
            Row row = rows.get(d.type());
            JsonNode schema = schema(d.type());
            Class<?> record = payloadRecord(d, schema);
            List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(row.topic()).as("topic of %s", d.type()).isEqualTo(d.topic());
            assertThat(row.data()).as("data of %s", d.type()).isEqualTo(record.getSimpleName());
            assertThat(row.fields()).as("fields of %s", d.type()).isEqualTo(components);
            assertThat(components).as("key of %s is a field", d.type()).contains(row.key());
            assertThat(schema.path("description").asText()).as("schema of %s names its key", d.type()).contains(row.key());
            assertThat(row.producer()).as("producer of %s", d.type()).isEqualTo(d.producer());
            assertThat(row.consumers()).as("consumers of %s", d.type()).isNotBlank();
        }
    }

    // --- the contracts ---

    /** Every public String constant of every {@code *Events} class except its topic and source. */
    static List<Declared> declaredTypes() {
        List<Declared> declared = new ArrayList<>();
        for (Class<?> events : eventsClasses()) {
            String topic = constant(events, "TOPIC");
            String producer = constant(events, "SOURCE").replaceFirst("^/cpd/", "");
            for (Field field : events.getFields()) {
                if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())
                        && !field.getName().equals("TOPIC") && !field.getName().equals("SOURCE")) {
                    declared.add(new Declared(constant(events, field.getName()), topic, producer, events));
                }
            }
        }
        return declared;
    }

    static List<Class<?>> eventsClasses() {
        try {
            Path root = Path.of(DirectoryEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                List<Class<?>> classes = files.filter(f -> f.getFileName().toString().endsWith("Events.class"))
                        .map(f -> root.relativize(f).toString().replace('/', '.').replaceFirst("\\.class$", ""))
                        .map(EventCatalogueTest::load).collect(Collectors.toList());
                assertThat(classes).hasSizeGreaterThanOrEqualTo(3);
                return classes;
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    static String constant(Class<?> type, String name) {
        try {
            return (String) type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no " + name, e);
        }
    }

    /** The schema's title names the payload record, in the package of the class declaring the type. */
    static Class<?> payloadRecord(Declared declared, JsonNode schema) {
        String title = schema.path("title").asText();
        Class<?> type = load(declared.eventsClass().getPackageName() + "." + title);
        assertThat(type.isRecord()).as("%s is a record", type).isTrue();
        return type;
    }

    // --- schemas ---

    static JsonNode schema(String type) {
        try (InputStream in = EventCatalogueTest.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema of %s", type).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema validator(JsonNode schema) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
    }

    static void assertObjectMatchesRecord(String where, JsonNode schema, Class<?> record) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(schema.path("type").asText()).as("%s is an object", where).isEqualTo("object");
        assertThat(required).as("required fields of %s (%s)", where, record.getSimpleName()).containsExactlyElementsOf(components);
        assertThat(properties).as("properties of %s (%s)", where, record.getSimpleName()).containsExactlyElementsOf(components);
        for (RecordComponent component : record.getRecordComponents()) {
            assertCompatible(where + "." + component.getName(), schema.path("properties").path(component.getName()),
                    component.getGenericType());
        }
    }

    static void assertCompatible(String where, JsonNode property, Type javaType) {
        Set<String> jsonTypes = new TreeSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> jsonTypes.add(t.asText()));
        } else {
            jsonTypes.add(property.path("type").asText());
        }
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw.isPrimitive()) {
            assertThat(jsonTypes).as("%s is a primitive: never null", where).doesNotContain("null");
        }
        jsonTypes.remove("null");
        assertThat(jsonTypes).as("%s has one JSON type", where).hasSize(1);
        String jsonType = jsonTypes.iterator().next();
        String format = property.path("format").asText(null);
        if (raw == String.class) {
            assertThat(jsonType).as(where).isEqualTo("string");
            assertThat(format).as("%s format", where).isNull();
        } else if (raw == UUID.class) {
            assertThat(jsonType + "/" + format).as(where).isEqualTo("string/uuid");
        } else if (raw == Instant.class) {
            assertThat(jsonType + "/" + format).as(where).isEqualTo("string/date-time");
        } else if (raw == LocalDate.class) {
            assertThat(jsonType + "/" + format).as(where).isEqualTo("string/date");
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertThat(jsonType).as(where).isEqualTo("boolean");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            assertThat(jsonType).as(where).isEqualTo("integer");
        } else if (Collection.class.isAssignableFrom(raw)) {
            assertThat(jsonType).as(where).isEqualTo("array");
            assertThat(property.path("uniqueItems").asBoolean(false)).as("%s unique items (a Set)", where).isEqualTo(Set.class.isAssignableFrom(raw));
            assertCompatible(where + "[]", property.path("items"), ((ParameterizedType) javaType).getActualTypeArguments()[0]);
        } else if (Map.class.isAssignableFrom(raw)) {
            assertThat(jsonType).as(where).isEqualTo("object");
            assertCompatible(where + "{}", property.path("additionalProperties"), ((ParameterizedType) javaType).getActualTypeArguments()[1]);
        } else if (raw.isRecord()) {
            assertObjectMatchesRecord(where, property, raw);
        } else {
            throw new AssertionError(where + ": no JSON mapping for " + javaType);
        }
    }

    // --- the catalogue ---

    static Map<String, Row> catalogueRows() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CATALOGUE)) {
            if (!line.startsWith("| `cpd.")) {
                continue;
            }
            String[] cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|")).map(String::trim).toArray(String[]::new);
            assertThat(cells).as("catalogue row %s: topic | type | data | key | fields | producer | consumers", line).hasSize(7);
            List<String> fields = Arrays.stream(cells[4].split(",")).map(EventCatalogueTest::unquote).toList();
            Row row = new Row(unquote(cells[0]), unquote(cells[1]), unquote(cells[2]), unquote(cells[3]), fields,
                    unquote(cells[5]), cells[6]);
            assertThat(rows.put(row.type(), row)).as("one row for %s", row.type()).isNull();
        }
        return rows;
    }

    static String unquote(String cell) {
        return cell.trim().replace("`", "");
    }
}
