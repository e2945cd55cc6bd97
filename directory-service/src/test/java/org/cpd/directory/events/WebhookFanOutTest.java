package org.cpd.directory.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.events.inbox.IncomingEvent;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.directory.Fixtures;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.sql.StatementCounter;
import org.junit.jupiter.api.Test;

/** The fan-out of an event nobody subscribes to stops at one cheap query (docs/adr/0018-webhooks.md). */
@QuarkusTest
class WebhookFanOutTest {

    /** No test subscribes to it, so no subscription of this type exists. */
    private static final String UNSUBSCRIBED = DirectoryEvents.LINE_MANAGEMENT_CHANGED;

    @Inject
    WebhookFanOut fanOut;

    private static String data(UUID person, Fixtures.School school) {
        return "{\"id\":\"" + person + "\",\"schoolUrn\":\"" + school.urn() + "\",\"lineManagerIds\":[],\"appraiserIds\":[]}";
    }

    @Test
    void anEventOfATypeNoSubscriptionListsRunsOneStatementAndWritesNoDelivery() throws Exception {
        assertThat(Fixtures.count("webhook_subscription", "?1 = any(event_types)", UNSUBSCRIBED)).isZero();
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String data = data(person, school);
        IncomingEvent event = new IncomingEvent(UUID.randomUUID().toString(), UNSUBSCRIBED, DirectoryEvents.SOURCE,
                person.toString(), ZonedDateTime.now(), data);

        List<String> statements = StatementCounter.statementsOnThisThread(() -> QuarkusTransaction.requiringNew().run(() -> {
            try {
                fanOut.deliver(new ObjectMapper().readTree(data), event);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }));

        assertThat(statements).as("statements of the fan-out of %s", UNSUBSCRIBED).hasSizeLessThanOrEqualTo(1);
        assertThat(Fixtures.count("webhook_delivery", "event_id = ?1", event.id())).isZero();
    }

    @Test
    void aConsumedEventOfATypeNoSubscriptionListsMakesNoDelivery() {
        Fixtures.School school = Fixtures.school();
        UUID person = Fixtures.practitioner(school);
        String id = CloudEventsOnKafka.send(DirectoryEvents.TOPIC, UNSUBSCRIBED, DirectoryEvents.SOURCE, person.toString(),
                data(person, school));
        await().atMost(Duration.ofSeconds(30)).until(() -> Fixtures.count("inbox_event",
                "consumer = 'directory-webhooks' and event_id = ?1", id) == 1);
        assertThat(Fixtures.count("webhook_delivery", "event_id = ?1", id)).isZero();
    }
}
