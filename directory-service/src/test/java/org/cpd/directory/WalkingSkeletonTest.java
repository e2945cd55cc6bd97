package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.junit.jupiter.api.Test;

/** The producer half of the walking skeleton: register a practitioner, find the CloudEvent on the real broker. */
@QuarkusTest
class WalkingSkeletonTest {

    @Test
    void registeringAPractitionerPublishesPractitionerRegisteredOnKafka() throws Exception {
        Fixtures.School school = Fixtures.school();
        String email = Fixtures.uniqueEmail("ayo");
        String id = as(school.leadToken())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.practitionerJson("Ayo Adeyemi", email, Fixtures.nextTrn(), school.urn(), "EARLY_CAREER_TEACHER"))
                .post("/api/v1/practitioners")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .body("fullName", equalTo("Ayo Adeyemi"))
                .body("schoolUrn", equalTo(school.urn()))
                .extract().path("id");

        List<ConsumerRecord<String, String>> events = CloudEventsOnKafka.await(DirectoryEvents.TOPIC,
                r -> id.equals(CloudEventsOnKafka.header(r, "ce_subject"))
                        && DirectoryEvents.PRACTITIONER_REGISTERED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);

        ConsumerRecord<String, String> event = events.get(0);
        assertThat(event.key()).isEqualTo(id);
        assertThat(CloudEventsOnKafka.header(event, "ce_id")).isNotBlank();
        assertThat(CloudEventsOnKafka.header(event, "ce_source")).isEqualTo(DirectoryEvents.SOURCE);
        assertThat(CloudEventsOnKafka.header(event, "ce_specversion")).isEqualTo("1.0");
        PractitionerData data = new ObjectMapper().findAndRegisterModules().readValue(event.value(), PractitionerData.class);
        assertThat(data.id()).isEqualTo(UUID.fromString(id));
        assertThat(data.schoolUrn()).isEqualTo(school.urn());
        assertThat(data.partnershipIds()).containsExactly(school.partnership().id());
        assertThat(data.careerStage()).isEqualTo("EARLY_CAREER_TEACHER");
        assertThat(data.active()).isTrue();
        JsonNode raw = new ObjectMapper().readTree(event.value());
        assertThat(raw.has("email")).as("events carry no contact details").isFalse();
        assertThat(raw.has("fullName")).as("events carry no name (the .v2 types)").isFalse();
        assertThat(event.value()).doesNotContain("Ayo Adeyemi");
    }

    @Test
    void readsThePractitionerBackWithAnETag() {
        Fixtures.School school = Fixtures.school();
        UUID id = Fixtures.practitioner(school);
        String etag = as(school.leadToken()).get("/api/v1/practitioners/" + id)
                .then().statusCode(200).body("id", equalTo(id.toString())).extract().header("ETag");
        assertThat(etag).matches("\"\\d+\"");
    }

    @Test
    void sameIdempotencyKeyAndBodyReplaysWithoutASecondPractitioner() {
        Fixtures.School school = Fixtures.school();
        String key = UUID.randomUUID().toString();
        String email = Fixtures.uniqueEmail("bea");
        String body = Fixtures.practitionerJson("Bea Brown", email, null, school.urn(), "TEACHER");
        String token = school.leadToken(); // keys are scoped to the caller
        String first = as(token).header("Idempotency-Key", key).body(body).post("/api/v1/practitioners")
                .then().statusCode(201).extract().path("id");
        String again = as(token).header("Idempotency-Key", key).body(body).post("/api/v1/practitioners")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(Fixtures.count("practitioner", "email = ?1", email)).isEqualTo(1);
    }
}
