package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared audit: append-only in the database, and who reads which entries through GET /api/v1/audit. */
@QuarkusTest
class AuditTrailTest {

    static final String PATH = "/api/v1/audit";

    @Inject
    EntityManager em;

    UUID partnership;
    UUID otherPartnership;
    UUID person;
    UUID colleague;
    Instant base;

    @BeforeEach
    void entriesOfTwoPartnerships() {
        partnership = UUID.randomUUID();
        otherPartnership = UUID.randomUUID();
        person = UUID.randomUUID();
        colleague = UUID.randomUUID();
        base = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.HOURS);
        insert(base, "lead-1", "read", "practitioner", person, partnership, null);
        insert(base.plusSeconds(1), "lead-1", "read", "cpd-record", person, partnership, null);
        insert(base.plusSeconds(2), "admin-1", "read", "practitioner", colleague, partnership, null);
        insert(base.plusSeconds(3), "lead-2", "override-conflict-of-interest", "relationship", person, partnership,
                "Only Year 8 specialist in the federation");
        insert(base.plusSeconds(4), "someone", "read", "practitioner", UUID.randomUUID(), otherPartnership, null);
    }

    long insert(Instant at, String actor, String action, String type, UUID subject, UUID inPartnership, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        insert into audit_entry (occurred_at, actor, client_id, action, resource_type, resource_id,
                                                 subject_person_id, partnership_ids, reason, request_id)
                        values (?1, ?2, 'cpd-portal', ?3, ?4, ?5, ?6, ?7, ?8, 'req-audit') returning id""")
                .setParameter(1, at).setParameter(2, actor).setParameter(3, action).setParameter(4, type)
                .setParameter(5, subject.toString()).setParameter(6, subject)
                .setParameter(7, new UUID[]{inPartnership}).setParameter(8, reason)
                .getSingleResult()).longValue());
    }

    String admin() {
        return Tokens.admin(partnership);
    }

    ExtractableResponse<Response> read(String token, String query) {
        return given().auth().oauth2(token).get(PATH + query).then().statusCode(200).extract();
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        long id = insert(base, "lead-1", "read", "practitioner", person, partnership, null);

        for (String change : List.of("update audit_entry set actor = 'nobody' where id = ?1",
                "delete from audit_entry where id = ?1")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(change).setParameter(1, id).executeUpdate()))
                    .hasStackTraceContaining("append-only");
        }
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("truncate audit_entry").executeUpdate()))
                .hasStackTraceContaining("append-only");

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select actor, action, resource_id from audit_entry where id = ?1").setParameter(1, id).getSingleResult());
        assertThat(row).containsExactly("lead-1", "read", person.toString());
    }

    @Test
    void aPartnershipAdminReadsTheirPartnershipsEntriesOldestFirst() {
        read(admin(), "?from=" + base + "&to=" + base.plusSeconds(60))
                .response().then()
                .body("items", hasSize(4))
                .body("items.actor", contains("lead-1", "lead-1", "admin-1", "lead-2"))
                .body("items[0].clientId", equalTo("cpd-portal"))
                .body("items[0].requestId", equalTo("req-audit"))
                .body("items[0].subjectPersonId", equalTo(person.toString()))
                .body("items[0].partnershipIds", contains(partnership.toString()))
                .body("items[3].reason", equalTo("Only Year 8 specialist in the federation"))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersBySubjectActorResourceTypeActionAndTime() {
        read(admin(), "?subject=" + person).response().then().body("items", hasSize(3));
        read(admin(), "?subject=" + person + "&actor=lead-1").response().then().body("items", hasSize(2));
        read(admin(), "?subject=" + person + "&resourceType=cpd-record").response().then()
                .body("items", hasSize(1)).body("items[0].resourceType", equalTo("cpd-record"));
        read(admin(), "?subject=" + person + "&action=override-conflict-of-interest").response().then()
                .body("items", hasSize(1));
        read(admin(), "?subject=" + person + "&from=" + base.plusSeconds(1) + "&to=" + base.plusSeconds(3))
                .response().then().body("items", hasSize(1)).body("items[0].resourceType", equalTo("cpd-record"));
    }

    @Test
    void pagesWithACursorAndFollowsWithUpdatedSince() {
        String query = "?limit=2&from=" + base + "&to=" + base.plusSeconds(60);
        ExtractableResponse<Response> first = read(admin(), query);
        assertThat(first.jsonPath().getList("items")).hasSize(2);
        String cursor = first.path("nextCursor");
        assertThat(cursor).isNotNull();
        assertThat(first.header("Link")).contains("rel=\"next\"");

        List<String> actors = new ArrayList<>(first.jsonPath().getList("items.actor"));
        ExtractableResponse<Response> second = read(admin(), query + "&cursor=" + cursor);
        actors.addAll(second.jsonPath().getList("items.actor"));
        assertThat(actors).containsExactly("lead-1", "lead-1", "admin-1", "lead-2");
        assertThat((String) second.path("nextCursor")).isNull();

        // a follower resumes from a time: entries at or after it, in the same order
        read(admin(), "?updatedSince=" + base.plusSeconds(2) + "&to=" + base.plusSeconds(60)).response().then()
                .body("items.actor", contains("admin-1", "lead-2"));
    }

    @Test
    void aPractitionerReadsWhoAccessedTheirOwnRecordsAndNothingElse() {
        String me = Tokens.practitioner(person, "100001");
        read(me, "?subject=me").response().then()
                .body("items", hasSize(3))
                .body("items.subjectPersonId", everyItemIs(person.toString()))
                .body("items.actor", hasItem("lead-2"));
        read(me, "").response().then().body("items", empty());
        read(me, "?subject=" + colleague).response().then().body("items", empty());
    }

    @Test
    void aSchoolLeadAndAnotherPartnershipsAdminSeeNothingOfThisPartnership() {
        read(Tokens.schoolLead(UUID.randomUUID(), "100001"), "").response().then().body("items", empty());
        read(Tokens.admin(UUID.randomUUID()), "?subject=" + person).response().then().body("items", empty());
        read(Tokens.admin(otherPartnership), "").response().then()
                .body("items.partnershipIds.flatten()", everyItemIs(otherPartnership.toString()));
        read(Tokens.mis("100001"), "?subject=me").response().then().body("items", empty());
    }

    @Test
    void badInputIsA400Problem() {
        for (String query : List.of("?cursor=not-a-cursor", "?cursor=" + new org.cpd.commons.web.paging.Cursor(base,
                        UUID.randomUUID()).encode(), "?from=yesterday", "?to=%2B99999-01-01T00:00:00Z",
                "?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "?updatedSince=99999",
                "?resourceType=secrets", "?action=peek", "?subject=someone", "?limit=0", "?actor=a%01b")) {
            given().urlEncodingEnabled(false).auth().oauth2(admin()).get(PATH + query).then()
                    .log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json")
                    .body("type", notNullValue());
        }
        given().get(PATH).then().statusCode(401);
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
