package org.cpd.goals;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.PostgresResource;
import org.cpd.testsupport.Tokens;

/** Small builders shared by the API tests. */
public final class Fixtures {

    public static final String URN = "100001";
    public static final String RELATIONSHIPS_TOPIC = "cpd.relationships.events";
    public static final String GOALS_TOPIC = "cpd.goals.events";

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asPractitioner(UUID id) {
        return as(Tokens.practitioner(id, URN));
    }

    public static Map<String, Object> goal(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("pupilAspiration", "Every pupil in 8B can explain how they reached an answer");
        body.put("priority", "BOTH");
        body.put("successCriteria", "Most pupils justify answers unprompted in three observed lessons");
        body.put("currentPractice", "I model explanations myself");
        body.put("stretch", "Drawing explanations out of pupils");
        body.put("targetDate", LocalDate.now().plusMonths(3).toString());
        body.put("setBy", "LEARNER_LED");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    /** Creates a goal as {@code owner} and returns its id. */
    public static String createGoal(UUID owner, Map<String, Object> body) {
        return asPractitioner(owner).body(body).post("/api/v1/goals").then().statusCode(201).extract().path("id");
    }

    public static String activeGoal(UUID owner, Map<String, Object> body) {
        String id = createGoal(owner, body);
        asPractitioner(owner).post("/api/v1/goals/" + id + "/activate").then().statusCode(200);
        return id;
    }

    /** Publishes a relationship snapshot as relationships-service would, and waits until it is applied. */
    public static void relationship(UUID id, String status, UUID supporter, UUID learner) {
        String data = """
                {"relationshipId":"%s","form":"MENTORING","status":"%s",
                 "participants":[{"practitionerId":"%s","role":"SUPPORTER"},{"practitionerId":"%s","role":"LEARNER"}],
                 "activatedAt":"2026-01-05T09:00:00Z"}""".formatted(id, status, supporter, learner);
        String type = "ACTIVE".equals(status) ? "cpd.relationships.relationship-activated.v1"
                : "CLOSED".equals(status) ? "cpd.relationships.relationship-closed.v1" : "cpd.relationships.relationship-proposed.v1";
        CloudEventsOnKafka.send(RELATIONSHIPS_TOPIC, type, "/cpd/relationships-service", id.toString(), data);
        await(() -> status.equals(scalar("select status from relationship_view where id = '" + id + "'")),
                "relationship " + id + " to become " + status);
    }

    public static String scalar(String sql) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row, in order. */
    public static List<String> column(String sql) {
        try (Connection c = DriverManager.getConnection(PostgresResource.jdbcUrl(), "postgres", "postgres");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        return Long.parseLong(scalar(sql));
    }

    public static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    public static List<String> eventsFor(String type, String subject, int count) {
        return CloudEventsOnKafka.await(GOALS_TOPIC,
                        r -> type.equals(CloudEventsOnKafka.header(r, "ce_type")) && subject.equals(r.key()), count)
                .stream().map(r -> r.value()).toList();
    }

    /** A directory event as the broker hands it to a consumer (CloudEvents binary mode), for calling it directly. */
    public static ConsumerRecord<String, String> directoryRecord(String eventId, String type, String subject, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(DirectoryEvents.TOPIC, 0, 0L, subject, payload);
        record.headers().add("ce_specversion", utf8("1.0")).add("ce_id", utf8(eventId)).add("ce_type", utf8(type))
                .add("ce_source", utf8(DirectoryEvents.SOURCE)).add("ce_subject", utf8(subject))
                .add("ce_time", utf8(Instant.now().toString())).add("content-type", utf8("application/json"));
        return record;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
