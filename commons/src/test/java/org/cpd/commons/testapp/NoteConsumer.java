package org.cpd.commons.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer on the shared skeleton, as every service writes one: routes, and nothing else. */
@ApplicationScoped
public class NoteConsumer {

    public static final String CONSUMER = "commons-test";
    /** Notes from another service (the inbox tests) and the test app's own (the latency benchmark). */
    static final List<String> NOTE_CREATED = List.of("cpd.other.note-created.v1", "cpd.test.note-created.v1");

    @Inject
    EventConsumer consumer;

    /** Handled only once the test releases it (StuckConsumerTest). */
    static final String NOTE_HELD = "cpd.other.note-held.v1";

    private final EventRoutes routes = EventRoutes.of(CONSUMER)
            .on(NOTE_CREATED, NoteResource.NoteView.class, this::apply)
            .on(NOTE_HELD, NoteResource.NoteView.class, (note, event) -> HeldNotes.awaitRelease());

    @Incoming("test-events")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        if (consumer.consume(record, routes) == EventConsumer.Outcome.APPLIED) {
            AppliedNotes.committed(record.key()); // consume() has committed by now
        }
    }

    void apply(NoteResource.NoteView note, IncomingEvent event) {
        ReceivedNote received = ReceivedNote.findById(note.id());
        if (received == null) {
            received = new ReceivedNote();
            received.id = note.id();
            received.title = note.title();
        }
        received.received++;
        received.persist();
    }
}
