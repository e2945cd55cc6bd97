package org.cpd.commons;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.cpd.commons.privacy.Retention;
import org.cpd.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared retention sweep, shown on the kind every service has: audit entries, kept seven years, expired in
 * batches through the one path past the append-only trigger, which never lets an entry younger than a year go.
 */
@QuarkusTest
class RetentionTest {

    static final String REPORT = "/api/v1/privacy/retention";
    static final String AUDIT = "kinds.find { it.kind == 'audit-entries' }";
    static final long DAY = 86_400;

    @Inject
    Retention retention;

    @Inject
    EntityManager em;

    UUID partnership;
    Instant now;

    @BeforeEach
    void aPartnership() {
        partnership = UUID.randomUUID();
        now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void entriesOlderThanSevenYearsAreExpiredInBatchesAndTheSweepIsItselfAudited() {
        insert(1_201, now.minusSeconds(8 * 365 * DAY), partnership);
        long kept = insert(1, now.minusSeconds(2 * 365 * DAY), partnership);
        String admin = Tokens.admin(partnership);

        given().auth().oauth2(admin).get(REPORT).then().statusCode(200)
                .body(AUDIT + ".due", equalTo(1_201)).body(AUDIT + ".retention", equalTo("PT61368H"))
                .body(AUDIT + ".enforced", equalTo(false))
                .body("unavailable.size()", equalTo(0));

        assertThat(retention.sweep("audit-entries", now)).isEqualTo(1_201);

        assertThat(count("partnership_ids @> array[cast('" + partnership + "' as uuid)] and resource_type = 'read-test'"))
                .as("only the entry younger than the retention is left").isEqualTo(1);
        assertThat(count("id = " + kept)).isEqualTo(1);
        assertThat(count("actor = '" + Retention.ACTOR + "' and resource_type = 'audit-entry' "
                + "and resource_id = 'retention:audit-entries' and partnership_ids @> array[cast('" + partnership + "' as uuid)]"))
                .as("one entry per batch of 500, readable by the partnership's admins").isEqualTo(3);
        given().auth().oauth2(admin).get(REPORT).then().statusCode(200)
                .body(AUDIT + ".due", equalTo(0)).body(AUDIT + ".oldest", nullValue());
        assertThat(retention.sweep("audit-entries", now)).as("a second sweep finds nothing due").isZero();
    }

    @Test
    void theDatabaseLetsNoEntryYoungerThanAYearGoWhateverTheCallerDeclares() {
        long recent = insert(1, now.minusSeconds(200 * DAY), partnership);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "select removed from audit_entry_expire(now() - interval '30 days', 10)").getSingleResult()))
                .hasStackTraceContaining("kept at least a year");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select set_config('cpd.audit_expiry_before', cast(now() as text), true)").getSingleResult();
            em.createNativeQuery("delete from audit_entry where id = " + recent).executeUpdate();
        })).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update audit_entry set actor = 'someone else' where id = " + recent).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThat(count("id = " + recent)).isEqualTo(1);
    }

    @Test
    void onlyPartnershipAdminsReadTheReport() {
        given().auth().oauth2(Tokens.practitioner(UUID.randomUUID(), "100001")).get(REPORT).then()
                .statusCode(403).contentType("application/problem+json");
        given().get(REPORT).then().statusCode(401);
        given().auth().oauth2(Tokens.admin(UUID.randomUUID())).get(REPORT).then().statusCode(200)
                .body(AUDIT + ".due", equalTo(0));
    }

    /** Inserts {@code n} entries of the partnership at the instant; answers the last one's id. */
    long insert(int n, Instant at, UUID inPartnership) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        insert into audit_entry (occurred_at, actor, action, resource_type, resource_id, partnership_ids)
                        select ?1, 'lead-1', 'read', 'read-test', 'r' || i, ?2 from generate_series(1, ?3) i
                        returning id""")
                .setParameter(1, at).setParameter(2, new UUID[]{inPartnership}).setParameter(3, n)
                .getResultList().stream().mapToLong(id -> ((Number) id).longValue()).max().orElseThrow());
    }

    long count(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_entry where " + where).getSingleResult()).longValue());
    }
}
