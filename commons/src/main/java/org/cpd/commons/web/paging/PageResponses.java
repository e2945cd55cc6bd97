package org.cpd.commons.web.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/** A page as the HTTP answer every collection gives; the query side is commons' persistence Paging. */
public final class PageResponses {

    private PageResponses() {
    }

    /** 200 with the page body and, when there is more, {@code Link: <...>; rel="next"}. */
    public static <E, D> Response ok(UriInfo uriInfo, Page<E> page, Function<? super E, ? extends D> toDto) {
        Response.ResponseBuilder response = Response.ok(page.map(toDto));
        if (page.nextCursor() != null) {
            response.links(Link.fromUri(uriInfo.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor()).build()).rel("next").build());
        }
        return response.build();
    }
}
