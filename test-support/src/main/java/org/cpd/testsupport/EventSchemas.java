package org.cpd.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Checks event data against the JSON Schema of its type ({@code schemas/<type>.json} in
 * {@code contracts}, see docs/events.md): producers validate what they publish, consumers feed
 * themselves each schema's examples.
 */
public final class EventSchemas {

    /** Serialises as the services' ObjectMapper does: java.time as ISO-8601 strings. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Validates a consumed or published record: its {@code ce_type} header names the schema. */
    public static void assertValid(ConsumerRecord<String, String> record) {
        String type = CloudEventsOnKafka.header(record, "ce_type");
        if (type == null) {
            throw new AssertionError("Record at " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no ce_type header");
        }
        assertValid(type, record.value());
    }

    /** Validates JSON data against the schema of {@code type}. */
    public static void assertValid(String type, String json) {
        Set<String> problems = problems(type, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("Data of " + type + " does not match its schema: " + problems + "\n" + json);
        }
    }

    /** Validates a payload record (serialised as the services serialise it) against the schema of {@code type}. */
    public static void assertValid(String type, Object payload) {
        try {
            assertValid(type, JSON.writeValueAsString(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code json} as data of {@code type}; empty when it is valid. */
    public static Set<String> problems(String type, String json) {
        JsonNode data;
        try {
            data = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return Set.of("not JSON: " + e.getOriginalMessage());
        }
        return schema(type).validate(data).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The schema's examples of {@code type}, as JSON, for consumer tests. */
    public static List<String> examples(String type) {
        List<String> examples = new ArrayList<>();
        schemaDocument(type).path("examples").forEach(example -> examples.add(example.toString()));
        if (examples.isEmpty()) {
            throw new AssertionError("The schema of " + type + " has no examples");
        }
        return examples;
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schemaDocument(t), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build()));
    }

    private static JsonNode schemaDocument(String type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new AssertionError("No schema for event type " + type + " (contracts: schemas/" + type + ".json)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
