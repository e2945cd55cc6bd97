package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.events.outbox.OutboxEvent;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The outbox's promise: writes succeed while Kafka is down, and their events are published once
 * a broker is back. The outbox channel points at a port where no broker runs until mid-test. No
 * write happens once it is back, so the poll (the relay's fallback) is what publishes them.
 */
@QuarkusTest
@TestProfile(OutboxWhileKafkaIsDownTest.BrokerNotYetRunning.class)
class OutboxWhileKafkaIsDownTest {

    static final int LATE_BROKER_PORT = freePort();

    public static class BrokerNotYetRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.outgoing.outbox.bootstrap.servers", "localhost:" + LATE_BROKER_PORT,
                    "mp.messaging.outgoing.outbox.max.block.ms", "1000",
                    // the fallback under test: nothing commits after the broker returns, only the poll retries
                    "cpd.outbox.poll-interval", "1s");
        }
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItReturns() throws Exception {
        String id = given().auth().oauth2(Tokens.practitioner(UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"title\":\"written while down\",\"priority\":1,\"colour\":\"RED\"}")
                .post("/api/v1/notes").then().statusCode(201).extract().jsonPath().getString("id");

        OutboxAndInboxTest.awaitTrue(() -> outboxRow(id).attempts >= 1);
        assertThat(outboxRow(id).publishedAt).as("not published while no broker runs").isNull();

        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withNodeId(0)
                .withKafkaPort(LATE_BROKER_PORT).withControllerPort(freePort()).withDeleteLogDirsOnClose(true).start();
             KafkaCompanion companion = new KafkaCompanion(broker.getAdvertisedListeners())) {
            ConsumerRecord<String, String> event = companion.consumeStrings().fromTopics("cpd.test.events", 1)
                    .awaitCompletion(Duration.ofSeconds(60)).getFirstRecord();
            assertThat(event.key()).isEqualTo(id);
            assertThat(event.value()).contains("written while down");
            OutboxAndInboxTest.awaitTrue(() -> outboxRow(id).publishedAt != null);
        }
    }

    static OutboxEvent outboxRow(String aggregateId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("aggregateId", aggregateId).singleResult());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
