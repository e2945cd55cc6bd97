package org.cpd.testsupport.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.hamcrest.Matcher;

/**
 * What every service's retention tests read of its retention (docs/data-protection.md, "Retention defaults"): the dry
 * run at {@code /api/v1/privacy/retention}, who may read it, and the audit entry a sweep writes. The tests run with
 * the sweep disabled ({@code cpd.retention.enabled=false}), so every kind says it is not enforced.
 */
public final class RetentionReports {

    /** The dry run's path, the same in every service. */
    public static final String PATH = "/api/v1/privacy/retention";

    private RetentionReports() {
    }

    /** The GPath of one kind of the report, e.g. {@code kind("confidential-notes") + ".due"}. */
    public static String kind(String kind) {
        return "kinds.find { it.kind == '" + kind + "' }";
    }

    /** The report as the caller of {@code token} reads it: 200. */
    public static ValidatableResponse report(String token) {
        return given().auth().oauth2(token).get(PATH).then().statusCode(200);
    }

    /**
     * Before a sweep: {@code admin} (of the partnership whose items are due) reads {@code kind} from {@code service},
     * kept for {@code retention} (an ISO-8601 duration as the report writes it), with {@code due} items and an oldest
     * one, not enforced; {@code otherAdmin} (of another partnership) reads none due and no oldest.
     */
    public static ValidatableResponse assertDue(String admin, String otherAdmin, String kind, String service,
            String retention, Matcher<?> due) {
        String k = kind(kind);
        report(otherAdmin).body(k + ".due", equalTo(0)).body(k + ".oldest", nullValue());
        return report(admin).body(k + ".service", equalTo(service)).body(k + ".retention", equalTo(retention))
                .body(k + ".due", due).body(k + ".oldest", notNullValue()).body(k + ".enforced", equalTo(false));
    }

    /** After a sweep: {@code admin} reads nothing of {@code kind} due. */
    public static void assertNoneDue(String admin, String kind) {
        report(admin).body(kind(kind) + ".due", equalTo(0));
    }

    /** Only partnership admins read the report: each of {@code others} gets a 403 problem, and no token a 401. */
    public static void assertOnlyAdminsRead(String... others) {
        for (String token : others) {
            given().auth().oauth2(token).get(PATH).then().statusCode(403).contentType("application/problem+json");
        }
        given().get(PATH).then().statusCode(401);
    }

    /**
     * The query counting the audit entries of sweeps of {@code kind} (whose items are of {@code resourceType}) that
     * name {@code partnership}: the sweep's one entry per batch, by the system actor.
     */
    public static String sweepAuditQuery(String kind, String resourceType, UUID partnership) {
        return "select count(*) from audit_entry where action = 'delete' and resource_type = '" + resourceType + "' "
                + "and resource_id = 'retention:" + kind + "' and actor = 'system:retention' "
                + "and partnership_ids @> array[cast('" + partnership + "' as uuid)]";
    }
}
