package org.cpd.directory;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import io.quarkus.arc.Arc;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpd.testsupport.Tokens;

/** Small builders for the directory's test data, created through the API as a client would. */
public final class Fixtures {

    private static final AtomicInteger URNS = new AtomicInteger(700000);
    private static final AtomicInteger TRNS = new AtomicInteger(7000000);

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public static String nextUrn() {
        return String.valueOf(URNS.incrementAndGet());
    }

    public static String nextTrn() {
        return String.valueOf(TRNS.incrementAndGet());
    }

    public static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@school.example";
    }

    /** A partnership created by an admin; the returned admin token manages it. */
    public record Partnership(UUID id, String adminToken) {
    }

    /** A token of an admin of every partnership given. */
    public static String adminOf(UUID... partnerships) {
        return Tokens.builder().roles("partnership-admin").partnerships(partnerships).build();
    }

    public static Partnership partnership() {
        String creator = Tokens.admin(UUID.randomUUID());
        String id = as(creator).body("{\"name\":\"Test partnership\",\"kind\":\"REGIONAL_CPD\"}")
                .post("/api/v1/partnerships").then().statusCode(201).extract().path("id");
        UUID partnershipId = UUID.fromString(id);
        return new Partnership(partnershipId, Tokens.admin(partnershipId));
    }

    public record School(UUID id, String urn, Partnership partnership) {
        public String leadToken() {
            return Tokens.schoolLead(UUID.randomUUID(), urn);
        }
    }

    public static School school(Partnership partnership) {
        String urn = nextUrn();
        String id = as(partnership.adminToken())
                .body("{\"urn\":\"" + urn + "\",\"name\":\"School " + urn + "\",\"phase\":\"SECONDARY\",\"partnershipIds\":[\""
                        + partnership.id() + "\"]}")
                .post("/api/v1/schools").then().statusCode(201).extract().path("id");
        return new School(UUID.fromString(id), urn, partnership);
    }

    public static School school() {
        return school(partnership());
    }

    public static String practitionerJson(String fullName, String email, String trn, String urn, String stage) {
        return "{\"fullName\":\"" + fullName + "\",\"email\":\"" + email + "\""
                + (trn == null ? "" : ",\"trn\":\"" + trn + "\"")
                + ",\"schoolUrn\":\"" + urn + "\",\"careerStage\":\"" + stage + "\""
                + ",\"subjects\":[\"MATHEMATICS\"],\"phases\":[\"SECONDARY\"]}";
    }

    public static UUID practitioner(School school, String stage) {
        String id = as(school.leadToken())
                .body(practitionerJson("Person " + UUID.randomUUID().toString().substring(0, 5), uniqueEmail("p"), nextTrn(),
                        school.urn(), stage))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A practitioner with no TRN yet (as many are when first imported), registered by the school's lead. */
    public static UUID practitionerWithoutTrn(School school) {
        String id = as(school.leadToken())
                .body(practitionerJson("Person " + UUID.randomUUID().toString().substring(0, 5), uniqueEmail("n"), null,
                        school.urn(), "TEACHER"))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static UUID practitioner(School school) {
        return practitioner(school, "TEACHER");
    }

    /** Counts rows straight from the database, to prove that a refused request wrote nothing. */
    public static long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    public static long count(String table, String where, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from " + table + " where " + where)
                .setParameter(1, param).getSingleResult()).longValue());
    }

    public static String etag(String token, String path) {
        return as(token).get(path).then().statusCode(200).extract().header("ETag");
    }
}
