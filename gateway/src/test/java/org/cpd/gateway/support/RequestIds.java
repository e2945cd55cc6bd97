package org.cpd.gateway.support;

import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** What the gateway answers as X-Request-Id to the teacher's read that sent one (or none). */
public final class RequestIds {

    private RequestIds() {
    }

    /** The X-Request-Id of a 200 answer to a GET of {@code path} that sent {@code sent} (null: no header). */
    public static String answeredFor(String path, String sent) {
        RequestSpecification request = given().auth().oauth2(Callers.teacher());
        if (sent != null) {
            request = request.header("X-Request-Id", sent);
        }
        return request.get(path).then().statusCode(200).extract().header("X-Request-Id");
    }
}
