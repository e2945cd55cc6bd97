package org.cpd.commons.testapp;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.cpd.commons.events.inbox.Inbox;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.apache.kafka.clients.consumer.ConsumerRecord;

@ApplicationScoped
public class NoteConsumer {

    @Inject
    Inbox inbox;

    @Incoming("test-events")
    @Blocking
    @Transactional
    public void on(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!inbox.firstDelivery("commons-test", event.id())) {
            return;
        }
        NoteResource.NoteView note = event.data(NoteResource.NoteView.class);
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
