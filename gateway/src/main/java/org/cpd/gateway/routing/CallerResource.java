package org.cpd.gateway.routing;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.cpd.gateway.web.RequestIdFilter;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The base of the resources whose views the gateway builds from the services as the caller: every service is asked
 * with the caller's own token, so it applies its own authorization, and with the request's id, so its log lines
 * join the gateway's.
 */
public abstract class CallerResource {

    @Inject
    protected JsonWebToken jwt;
    @Inject
    protected CurrentVertxRequest request;

    /** The caller's raw bearer token, passed on as it came. */
    protected String bearer() {
        return jwt.getRawToken();
    }

    /** The id of the request being answered. */
    protected String requestId() {
        return RequestIdFilter.of(request.getCurrent());
    }

    /** A service's answer relayed as it came: its status, body and Content-Type ({@code defaultType} when it sent none). */
    protected static Response relay(ServiceCalls.Reply reply, String defaultType) {
        String type = reply.response().getHeader("Content-Type");
        return Response.status(reply.status()).entity(reply.body()).type(type == null ? defaultType : type).build();
    }
}
