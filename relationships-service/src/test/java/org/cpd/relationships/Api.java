package org.cpd.relationships;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.cpd.testsupport.Tokens;

/** Small helpers for calling the API as a given person. */
final class Api {

    static final String URN = Directory.URN;

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification as(UUID practitioner) {
        return as(Tokens.practitioner(practitioner, URN));
    }

    static RequestSpecification asLead(UUID lead) {
        return as(Tokens.schoolLead(lead, URN));
    }

    static String coaching(UUID coach, UUID learner) {
        return """
                {"form":"SPECIALIST_COACHING","aspect":"ASSESSMENT_FOR_LEARNING",
                 "participants":[{"practitionerId":"%s","role":"SUPPORTER"},{"practitionerId":"%s","role":"LEARNER"}],
                 "plannedStart":"2026-09-14","plannedEnd":"2026-12-18"}""".formatted(coach, learner);
    }

    static String mentoring(UUID mentor, UUID learner) {
        return """
                {"form":"MENTORING","purpose":"INDUCTION",
                 "participants":[{"practitionerId":"%s","role":"SUPPORTER"},{"practitionerId":"%s","role":"LEARNER"}],
                 "plannedStart":"2026-09-07","plannedEnd":"2027-07-16"}""".formatted(mentor, learner);
    }

    static String coCoaching(UUID a, UUID b, String start, String end) {
        return """
                {"form":"CO_COACHING","specialistInput":{"kind":"COURSE","description":"Thinking Skills course"},
                 "participants":[{"practitionerId":"%s","role":"PEER"},{"practitionerId":"%s","role":"PEER"}],
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(a, b, start, end);
    }

    static Response propose(RequestSpecification as, String body) {
        return as.body(body).post("/api/v1/relationships");
    }

    /** Proposed by the learner, accepted by the coach, signed by both, activated. */
    static String activeCoaching(UUID coach, UUID learner) {
        String id = propose(as(learner), coaching(coach, learner)).then().statusCode(201).extract().path("id");
        activate(id, coach, coach, learner);
        return id;
    }

    static void activate(String id, UUID accepter, UUID... everyone) {
        as(accepter).post("/api/v1/relationships/" + id + "/accept").then().statusCode(200);
        int version = as(accepter).get("/api/v1/relationships/" + id + "/agreement").then().statusCode(200)
                .extract().path("version");
        for (UUID p : everyone) {
            as(p).post("/api/v1/relationships/" + id + "/agreement/versions/" + version + "/signatures").then().statusCode(200);
        }
        as(accepter).post("/api/v1/relationships/" + id + "/activate").then().statusCode(200);
    }
}
