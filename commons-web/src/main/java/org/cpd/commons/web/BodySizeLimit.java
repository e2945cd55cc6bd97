package org.cpd.commons.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses JSON bodies over the configured size before they are read, with a problem body
 * (the HTTP layer's own limit, kept higher for uploads, answers without one).
 */
@ApplicationScoped
public class BodySizeLimit {

    @Inject
    HttpLimitsConfig limits;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (contentType != null && contentType.contains("json") && length != null && tooLarge(length)) {
                // answered before JAX-RS runs, so RequestIds' filters do not: the id is echoed here, as on every answer
                String requestId = RequestIds.sanitise(context.request().getHeader(RequestIds.HEADER));
                JsonObject body = new JsonObject()
                        .put("type", Problem.TYPE_PREFIX + "payload-too-large")
                        .put("title", "Body too large")
                        .put("status", 413)
                        .put("detail", "JSON bodies are limited to " + limits.maxJsonBody() + " bytes")
                        .put("instance", context.request().path())
                        .put("requestId", requestId);
                context.response().setStatusCode(413)
                        .putHeader(RequestIds.HEADER, requestId)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(body.encode());
                return;
            }
            context.next();
        }, 100);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > limits.maxJsonBody();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
