package org.cpd.commons.events.inbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The CloudEvent attributes and JSON data of a consumed message. */
public record IncomingEvent(String id, String type, String source, String subject, ZonedDateTime time, String data) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // producers may add fields

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
