package org.cpd.testsupport.authz;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What a test supplies for one cell: the path parameters and whatever else the request carries. */
public final class Request {

    final Map<String, Object> pathParameters = new LinkedHashMap<>();
    String token;
    private UnaryOperator<RequestSpecification> customisation = spec -> spec;

    private Request() {
    }

    public static Request create() {
        return new Request();
    }

    public Request path(String name, Object value) {
        pathParameters.put(name, String.valueOf(value));
        return this;
    }

    /**
     * Sends as this token instead of the column's: for columns such as "the owner" when the cell
     * acts on a resource of its own, whose owner is a fresh person.
     */
    public Request as(String token) {
        this.token = token;
        return this;
    }

    /** A JSON body (a String is sent as is, anything else serialised). */
    public Request json(Object body) {
        return with(spec -> spec.contentType(ContentType.JSON).body(body));
    }

    public Request header(String name, String value) {
        return with(spec -> spec.header(name, value));
    }

    public Request query(String name, Object value) {
        return with(spec -> spec.queryParam(name, value));
    }

    public Request with(UnaryOperator<RequestSpecification> more) {
        UnaryOperator<RequestSpecification> before = customisation;
        customisation = spec -> more.apply(before.apply(spec));
        return this;
    }

    RequestSpecification applyTo(RequestSpecification spec) {
        return customisation.apply(spec);
    }
}
