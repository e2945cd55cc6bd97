package org.cpd.gateway.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.commons.web.Problem;
import org.cpd.gateway.config.GatewayConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Refusals of the HTTP layer as problem documents with the request id. Vert.x answers a request line or
 * headers over its limits, before any handler runs, with a bare 414/431; so the server's limits are set
 * high ({@code quarkus.http.limits.*}) and the gateway's own, lower ones are checked here.
 *
 * <p>A malformed request target (a bad percent-escape) is refused here too, with the check Quarkus
 * would make with a bare 400 (see {@link org.cpd.gateway.GatewayMain}).
 *
 * <p>Also turns the h2c upgrade off: a request that offers {@code Upgrade: h2c} with a body lost that
 * body on the way to the proxy (what java.net.http sends by default). Such a request is now served as
 * the HTTP/1.1 request it is; HTTP/2 stays available over TLS.
 */
@Singleton
public class HttpLayerProblems implements HttpServerOptionsCustomizer {

    @Inject
    GatewayConfig config;

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, RequestIdFilter.PRIORITY - 1);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        GatewayConfig.Limits limits = config.limits();
        if (!wellFormed(request.uri())) {
            ctx.response().putHeader("Connection", "close");
            ProblemReplies.send(ctx, Problem.of(400, "malformed-request", "Malformed request target")
                    .detail("The path or query is not a valid URI: check its percent-escapes (%XX, two hex digits)."));
            return;
        }
        if (request.uri().length() > limits.maxUriLength()) {
            ctx.response().putHeader("Connection", "close");
            ProblemReplies.send(ctx, Problem.of(414, "uri-too-long", "URI too long")
                    .detail("The path and query may be at most " + limits.maxUriLength() + " characters long."));
            return;
        }
        if (headerBytes(request.headers()) > limits.maxHeaderBytes()) {
            ctx.response().putHeader("Connection", "close");
            ProblemReplies.send(ctx, Problem.of(431, "header-fields-too-large", "Request header fields too large")
                    .detail("The request headers may be at most " + limits.maxHeaderBytes() + " bytes."));
            return;
        }
        ctx.next();
    }

    /** The check Quarkus makes before any handler (turned off by GatewayMain so this one answers). */
    static boolean wellFormed(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static long headerBytes(MultiMap headers) {
        long total = 0;
        for (Map.Entry<String, String> header : headers) {
            total += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return total;
    }
}
