package org.cpd.directory.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.ETags;

/** The answers every resource of the service gives for one record: its view with the record's ETag. */
final class Responses {

    private Responses() {
    }

    /** 200 with the view and the ETag of the version it shows. */
    static Response ok(TrackedEntity entity, Object view) {
        return Response.ok(view).header("ETag", ETags.of(entity)).build();
    }

    /** 201 with the view, its ETag and the Location {@code api/v1/<collection>/<key>}. */
    static Response created(UriInfo uriInfo, String collection, Object key, TrackedEntity entity, Object view) {
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1").path(collection).path(key.toString()).build())
                .header("ETag", ETags.of(entity)).entity(view).build();
    }

    /** 201 with the view, its ETag and the Location of the collection it joined ({@code api/v1/<collection>}). */
    static Response createdAt(UriInfo uriInfo, String collection, TrackedEntity entity, Object view) {
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1").path(collection).build())
                .header("ETag", ETags.of(entity)).entity(view).build();
    }
}
