package org.cpd.relationships;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.PractitionerDataV1;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Directory events arrive over the real broker and build the read model, exactly once per event
 * id (the walking skeleton's consumer half).
 */
@QuarkusTest
class WalkingSkeletonTest {

    /** A school lead of the practitioners' school: one of those who may see what this service knows of them. */
    static final String TOKEN = Tokens.schoolLead(UUID.randomUUID(), Directory.URN);

    @Inject
    Directory directory;

    @Test
    void registeredPractitionerAppearsInTheReadModel() {
        UUID id = UUID.randomUUID();
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, id, data(id, true));

        JsonPath known = awaitKnown(id);
        assertThat(known.getBoolean("active")).isTrue();
        assertThat(known.getString("schoolUrn")).isEqualTo(Directory.URN);
        assertThat(known.getList("partnershipIds")).containsExactly(Directory.PARTNERSHIP.toString());
    }

    @Test
    void aFirstVersionEventFromTheTopicsHistoryIsAppliedWithoutItsName() {
        UUID id = UUID.randomUUID();
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED_V1, id,
                new PractitionerDataV1(id, "Ada Lovelace", Directory.URN, null, Set.of(Directory.PARTNERSHIP), "TEACHER",
                        true, Set.of(), Set.of()));

        JsonPath known = awaitKnown(id);
        assertThat(known.getBoolean("active")).isTrue();
        assertThat(known.getString("schoolUrn")).isEqualTo(Directory.URN);
        assertThat(known.prettify()).doesNotContain("Ada Lovelace");
    }

    @Test
    void redeliveredEventChangesNothingButANewEventApplies() {
        UUID id = UUID.randomUUID();
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, id, data(id, true));
        awaitKnown(id);

        String deactivation = UUID.randomUUID().toString();
        directory.send(deactivation, DirectoryEvents.PRACTITIONER_DEACTIVATED, id, data(id, false));
        await(() -> !known(id).getBoolean("active"));
        JsonPath afterFirst = known(id);

        // the same event again (same ce_id), with data that would change the row if it were applied
        directory.send(deactivation, DirectoryEvents.PRACTITIONER_DEACTIVATED, id, data(id, true));
        // a later event with a new id on the same key: once it is visible, the duplicate was consumed before it
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.CAPACITY_CHANGED, id,
                Directory.offer(id, Map.of("MENTORING", 2)));
        await(() -> !known(id).getList("capacity").isEmpty());

        JsonPath afterDuplicate = known(id);
        assertThat(afterDuplicate.getBoolean("active")).isFalse();
        assertThat(afterDuplicate.getLong("version")).isEqualTo(afterFirst.getLong("version"));
        assertThat(afterDuplicate.getString("updatedAt")).isEqualTo(afterFirst.getString("updatedAt"));

        // counter-example: the same change under a NEW id does apply
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_UPDATED, id, data(id, true));
        await(() -> known(id).getBoolean("active"));
        assertThat(known(id).getLong("version")).isGreaterThan(afterFirst.getLong("version"));
    }

    @Test
    void capacityPerFormComesFromSupportOfferEvents() {
        UUID id = UUID.randomUUID();
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, id, data(id, true));
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.SUPPORT_OFFER_PUBLISHED, id,
                Directory.offer(id, Map.of("MENTORING", 2, "SPECIALIST_COACHING", 3)));
        await(() -> known(id) != null && known(id).getList("capacity").size() == 2);
        JsonPath known = known(id);
        assertThat(known.getInt("capacity.find { it.form == 'MENTORING' }.capacity")).isEqualTo(2);
        assertThat(known.getInt("capacity.find { it.form == 'MENTORING' }.free")).isEqualTo(2);

        // a form dropped from the offer is no longer offered
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.CAPACITY_CHANGED, id,
                Directory.offer(id, Map.of("SPECIALIST_COACHING", 1)));
        await(() -> known(id).getList("capacity").size() == 1);
        assertThat(known(id).getString("capacity[0].form")).isEqualTo("SPECIALIST_COACHING");
    }

    @Test
    void unknownPractitionerIsNotFound() {
        given().auth().oauth2(TOKEN).get("/api/v1/relationships/participants/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    static PractitionerData data(UUID id, boolean active) {
        return new PractitionerData(id, Directory.URN, null, Set.of(Directory.PARTNERSHIP), "TEACHER", active,
                Set.of(), Set.of());
    }

    static JsonPath known(UUID id) {
        var response = given().auth().oauth2(TOKEN).get("/api/v1/relationships/participants/" + id);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    static JsonPath awaitKnown(UUID id) {
        await(() -> known(id) != null);
        return known(id);
    }

    static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreException(NullPointerException.class) // not there yet
                .until(condition);
    }
}
