package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.cpd.commons.testapp.HeldNotes;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness reports a consumer stuck on one record, and recovers when it moves on; lag is a metric. */
@QuarkusTest
class StuckConsumerTest {

    @AfterEach
    void letGo() {
        HeldNotes.release();
    }

    @Test
    void aConsumerHoldingOneRecordTooLongIsNotReadyUntilItMovesOn() {
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().getString("status").equals("UP"));
        HeldNotes.holdNext();
        CloudEventsOnKafka.send("cpd.test.inbound", "cpd.other.note-held.v1", "/cpd/other", UUID.randomUUID().toString(),
                "{\"id\":\"" + UUID.randomUUID() + "\",\"title\":\"held\",\"priority\":1,\"colour\":\"RED\",\"version\":0}");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> readiness().getString("status").equals("DOWN"));
        JsonPath down = readiness();
        assertThat(down.getString("checks.find { it.name == 'event consumers' }.status")).isEqualTo("DOWN");
        assertThat(down.getString("checks.find { it.name == 'event consumers' }.data.commons-test"))
                .startsWith("cpd.test.inbound-").contains("in hand for");

        HeldNotes.release();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> readiness().getString("status").equals("UP"));
    }

    @Test
    void consumerLagIsExposedAsAMetric() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max")));
    }

    private static JsonPath readiness() {
        return given().get("/q/health/ready").then().extract().jsonPath();
    }
}
