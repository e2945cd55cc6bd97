package org.cpd.commons.web;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem, thrown anywhere in a request and rendered as
 * {@code application/problem+json} by {@link ProblemMappers}. One stable {@code type} per kind
 * of error ({@code urn:cpd:problem:<slug>}), listed in docs/problems.md.
 */
public class Problem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:cpd:problem:";

    private final int status;
    private final String slug;
    private final String title;
    private String detail;
    private List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /** One bad input field. */
    public record FieldError(String field, String message) {
    }

    private Problem(int status, String slug, String title) {
        super(title, null, false, false); // an expected outcome: no stack trace to fill
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static Problem of(int status, String slug, String title) {
        return new Problem(status, slug, title);
    }

    public static Problem of(Response.Status status, String slug, String title) {
        return new Problem(status.getStatusCode(), slug, title);
    }

    public Problem detail(String detail) {
        this.detail = detail;
        return this;
    }

    public Problem errors(List<FieldError> errors) {
        this.errors = List.copyOf(errors);
        return this;
    }

    /** Adds an extension member (e.g. {@code currentVersion}) to the body. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The JSON body, members in RFC 9457 order. */
    public Map<String, Object> body(String instance, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        if (errors != null) {
            body.put("errors", errors);
        }
        body.putAll(extensions);
        return body;
    }

    public Response toResponse(String instance, String requestId) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(instance, requestId)).build();
    }

    @Override
    public String getMessage() {
        return detail == null ? title : title + ": " + detail;
    }
}
