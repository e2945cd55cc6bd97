package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.directory.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.directory.config.seed.SeedData;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/** The demo data set loads once, holds the demo users' records, and lets the teacher find the mentor at once. */
@QuarkusTest
class SeedDataTest {

    @Inject
    SeedData seed;

    @Test
    void loadsTheDemoPartnershipOnceWithItsEvents() {
        QuarkusTransaction.requiringNew().call(() -> seed.load());
        boolean again = QuarkusTransaction.requiringNew().call(() -> seed.load());
        assertThat(again).as("second load is skipped").isFalse();
        assertThat(Fixtures.count("school", "id in (select school_id from school_partnership where partnership_id = ?1)",
                SeedData.PARTNERSHIP)).isEqualTo(20);
        assertThat(Fixtures.count("practitioner", "?1 = any(partnership_ids)", SeedData.PARTNERSHIP)).isEqualTo(400);
        assertThat(Fixtures.count("appointment", "ended_at is null and role = 'SCHOOL_LEAD' and practitioner_id = ?1",
                SeedData.LEAD)).isEqualTo(1);
        assertThat(Fixtures.count("appointment", "ended_at is null and role = 'PARTNERSHIP_ADMIN' and practitioner_id = ?1",
                SeedData.ADMIN)).isEqualTo(1);
        assertThat(Fixtures.count("support_offer", "id in (select id from practitioner where ?1 = any(partnership_ids))",
                SeedData.PARTNERSHIP)).isGreaterThan(40);

        String teacher = Tokens.builder().roles("practitioner").practitioner(SeedData.TEACHER).schools("100001")
                .partnerships(SeedData.PARTNERSHIP).build();
        as(teacher).get("/api/v1/practitioners/" + SeedData.TEACHER).then().statusCode(200)
                .body("lineManagerIds", hasItem(SeedData.LEAD.toString()));
        as(teacher).queryParam("learnerId", SeedData.TEACHER).queryParam("form", "MENTORING").queryParam("purpose", "INDUCTION")
                .get("/api/v1/matches").then().statusCode(200)
                .body("candidates.practitionerId", hasItem(SeedData.MENTOR.toString()));
        as(teacher).get("/api/v1/schools/100001").then().statusCode(200).body("id", equalTo(SeedData.SCHOOL_100001.toString()));
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> DirectoryEvents.APPOINTMENT_MADE.equals(CloudEventsOnKafka.header(r, "ce_type"))
                && r.value().contains(SeedData.LEAD.toString()) && r.value().contains("SCHOOL_LEAD"), 1);
        CloudEventsOnKafka.await(DirectoryEvents.TOPIC, r -> SeedData.MENTOR.toString().equals(r.key())
                && DirectoryEvents.CAPACITY_CHANGED.equals(CloudEventsOnKafka.header(r, "ce_type")), 1);
    }
}
