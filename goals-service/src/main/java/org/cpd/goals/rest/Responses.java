package org.cpd.goals.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.ETags;

/** The answers that carry a document: its body and ETag (for If-Match), and for a new one its Location. */
final class Responses {

    private Responses() {
    }

    static Response ok(TrackedEntity entity, Object body) {
        return Response.ok(body).header(HttpHeaders.ETAG, ETags.of(entity)).build();
    }

    /** 201 with {@code Location: <collection>/<id>}. */
    static Response created(String collection, TrackedEntity entity, Object body) {
        return Response.created(URI.create(collection + "/" + entity.id)).header(HttpHeaders.ETAG, ETags.of(entity))
                .entity(body).build();
    }
}
