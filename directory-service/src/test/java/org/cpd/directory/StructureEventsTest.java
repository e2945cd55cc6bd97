package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.junit.jupiter.api.Test;

/** Partnership and school changes are published too, keyed by their own ids. */
@QuarkusTest
class StructureEventsTest {

    @Test
    void partnershipAndSchoolChangesArePublished() {
        Fixtures.School school = Fixtures.school();
        String partnership = school.partnership().id().toString();
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> partnership.equals(r.key())
                && DirectoryEvents.PARTNERSHIP_CREATED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        String registered = CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> school.id().toString().equals(r.key())
                && DirectoryEvents.SCHOOL_REGISTERED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1).get(0).value();
        assertThat(registered).contains("\"urn\":\"" + school.urn() + "\"").contains(partnership);

        UUID staff = Fixtures.practitioner(school);
        String admin = school.partnership().adminToken();
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/partnerships/" + partnership))
                .body("{\"name\":\"Renamed partnership\",\"kind\":\"ITE\"}").put("/api/v1/partnerships/" + partnership)
                .then().statusCode(200);
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> partnership.equals(r.key())
                && DirectoryEvents.PARTNERSHIP_UPDATED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        as(admin).header("If-Match", Fixtures.etag(admin, "/api/v1/schools/" + school.id()))
                .body("{\"urn\":\"" + school.urn() + "\",\"name\":\"New name\",\"phase\":\"ALL_THROUGH\",\"partnershipIds\":[\""
                        + partnership + "\"]}")
                .put("/api/v1/schools/" + school.id()).then().statusCode(200);
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> school.id().toString().equals(r.key())
                && DirectoryEvents.SCHOOL_UPDATED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> staff.toString().equals(r.key())
                && DirectoryEvents.PRACTITIONER_REGISTERED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
    }
}
