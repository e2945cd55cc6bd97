package org.cpd.commons.events.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.time.ZonedDateTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The CloudEvent attributes and JSON data of a consumed message. */
public record IncomingEvent(String id, String type, String source, String subject, ZonedDateTime time, String data) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // producers may add fields

    /** From the raw record: the CloudEvent attributes are its ce_ headers (binary mode). */
    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        String time = header(record, "ce_time");
        return new IncomingEvent(
                required(record, "ce_id"), required(record, "ce_type"), header(record, "ce_source"),
                header(record, "ce_subject") != null ? header(record, "ce_subject") : record.key(),
                time == null ? null : ZonedDateTime.parse(time), record.value());
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null) {
            throw new IllegalArgumentException("Not a CloudEvent: record without " + name + " at offset " + record.offset());
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    public static IncomingEvent of(Message<?> message) {
        IncomingCloudEventMetadata<Object> ce = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("Not a CloudEvent: no ce_ headers"));
        Object payload = message.getPayload();
        String data = payload == null ? null : payload instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : payload.toString();
        return new IncomingEvent(ce.getId(), ce.getType(), ce.getSource() == null ? null : ce.getSource().toString(),
                ce.getSubject().orElse(null), ce.getTimeStamp().orElse(null), data);
    }

    public <T> T data(Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("Event " + id + " (" + type + ") has unreadable data", e);
        }
    }
}
