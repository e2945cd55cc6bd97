package org.cpd.gateway.routing;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;

/**
 * The incoming request, carrying the routing decision to the proxy's origin provider and interceptor
 * (the proxy only ever sees the request, so the decision travels with it).
 */
final class ProxyForward extends HttpServerRequestWrapper {

    final RouteTable.Backend backend;
    final String forwardUri;
    final String requestId;
    /** Where the client reached the gateway: links the service writes with its own address are pointed here. */
    final String publicBase;

    ProxyForward(HttpServerRequest request, RouteTable.Backend backend, String forwardUri, String requestId,
            String publicBase) {
        super((HttpServerRequestInternal) request);
        this.backend = backend;
        this.forwardUri = forwardUri;
        this.requestId = requestId;
        this.publicBase = publicBase;
    }

    static ProxyForward of(HttpServerRequest request) {
        return (ProxyForward) request;
    }
}
