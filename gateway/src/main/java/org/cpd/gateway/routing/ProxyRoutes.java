package org.cpd.gateway.routing;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.ratelimit.RateLimitHandler;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.RequestIds;
import org.cpd.gateway.web.EdgeProblems;
import org.cpd.gateway.web.ProblemReplies;
import org.cpd.gateway.web.RequestIdFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The reverse proxy for {@code /api/v1/<segment>/**}. Bodies are piped with back-pressure in both
 * directions (vertx-http-proxy), so an upload or download of any size crosses the gateway in chunks.
 */
@Singleton
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final String BACKEND_KEY = "cpd.backend";
    static final String NORMALISED_URI_KEY = "cpd.uri";

    // RFC 9110 §7.6.1: meaningful only for one connection; never relayed.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /** Runs after authentication (negative orders) and before Quarkus REST, which serves the gateway's own segments. */
    public static final int ORDER = 1000;

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;
    @Inject
    RateLimitHandler rateLimits;
    @Inject
    ServiceCalls calls;
    /**
     * With tracing on, the backend client injects the gateway's own span as the W3C trace context (a
     * child of the caller's); the caller's headers are dropped so the service gets exactly one. With
     * tracing off, the caller's trace context is passed through as it came.
     */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean tracingOff;

    private RouteTable table;
    private PublicBaseUrl publicBaseUrl;
    private final Map<String, HttpClient> clients = new HashMap<>();
    private HttpProxy proxy;

    void register(@Observes Router router) {
        table = calls.routes();
        publicBaseUrl = new PublicBaseUrl(config.trustedProxies().orElse(java.util.List.of()), config.publicBaseUrl());
        table.services().forEach((name, backend) -> clients.put(name, vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerBackend())
                .setKeepAlive(true)
                .setDecompressionSupported(false))));
        // The client passed here is unused: the origin provider below picks the backend's own pool.
        proxy = HttpProxy.reverseProxy(new ProxyOptions(), clients.values().stream().findFirst()
                .orElseGet(vertx::createHttpClient));
        proxy.origin(this::originRequest);
        proxy.addInterceptor(new ForwardingInterceptor());

        router.route("/api/v1/*").order(ORDER - 1).handler(this::requireToken);
        router.route("/api/v1/*").order(ORDER).handler(rateLimits);
        router.route("/api/v1/*").order(ORDER + 1).handler(this::route);
        LOG.infof("Routes: %s", describe());
    }

    public RouteTable table() {
        return table;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        table.services().forEach((name, b) -> sb.append(name).append('=').append(b.url()).append(' '));
        return sb.toString().trim();
    }

    /**
     * Every /api/v1 call needs a valid bearer token, except the merged OpenAPI document. A present but
     * invalid token has already failed authentication (AuthFailures); this refuses the anonymous ones.
     * Done here rather than with an HTTP permission so the refusal is a problem document, not a bare 401.
     */
    void requireToken(RoutingContext ctx) {
        Optional<String> segment = RouteTable.segmentOf(ctx.normalizedPath());
        boolean open = segment.isPresent() && RouteTable.OPEN_SEGMENTS.contains(segment.get());
        boolean anonymous = !(ctx.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
        if (anonymous && !open) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemReplies.send(ctx, EdgeProblems.unauthenticated());
            return;
        }
        ctx.next();
    }

    void route(RoutingContext ctx) {
        Optional<String> segment = RouteTable.segmentOf(ctx.normalizedPath());
        if (segment.isPresent() && RouteTable.GATEWAY_SEGMENTS.contains(segment.get())) {
            ctx.next();
            return;
        }
        Optional<RouteTable.Backend> backend = segment.flatMap(table::forSegment);
        if (backend.isEmpty()) {
            ProblemReplies.send(ctx, Problem.of(404, "route-not-found", "No such API area")
                    .detail("No service answers " + segment.map(s -> "/api/v1/" + s).orElse(ctx.normalizedPath()) + "."));
            return;
        }
        var request = ctx.request();
        String query = request.query();
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        HostAndPort authority = request.authority();
        String publicBase = publicBaseUrl.resolve(remote, request.headers(), request.scheme(),
                authority != null ? authority.toString() : request.getHeader("Host"));
        proxy.handle(new ProxyForward(request, backend.get(),
                ctx.normalizedPath() + (query == null ? "" : "?" + query), RequestIdFilter.of(ctx), publicBase));
    }

    private Future<io.vertx.core.http.HttpClientRequest> originRequest(ProxyContext pc) {
        ProxyForward fwd = ProxyForward.of(pc.request().proxiedRequest());
        URI url = fwd.backend.url();
        int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        RequestOptions options = new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl("https".equals(url.getScheme()))
                .setConnectTimeout(config.connectTimeout().toMillis());
        // The response timeout starts once the whole request body has been relayed: a slow upload is
        // the client's pace (bounded by quarkus.http.idle-timeout), not the backend's silence.
        return clients.get(fwd.backend.service()).request(options).onSuccess(backendRequest -> {
            if (fwd.isEnded()) {
                // Already read to its end: the caller went away while a pooled connection was awaited.
                backendRequest.idleTimeout(config.responseTimeout().toMillis());
            } else {
                fwd.end().onComplete(ended -> backendRequest.idleTimeout(config.responseTimeout().toMillis()));
            }
        });
    }

    /** Rewrites the request for the backend and turns transport failures into problem documents. */
    private final class ForwardingInterceptor implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            ProxyForward fwd = ProxyForward.of(request.proxiedRequest());
            var incoming = request.proxiedRequest();
            MultiMap headers = request.headers();
            dropHopByHop(headers);
            if (!tracingOff) {
                headers.remove("traceparent");
                headers.remove("tracestate");
            }
            request.setURI(fwd.forwardUri);

            String clientAddress = incoming.remoteAddress() == null ? null : incoming.remoteAddress().hostAddress();
            String priorFor = headers.get("X-Forwarded-For");
            if (clientAddress != null) {
                headers.set("X-Forwarded-For", priorFor == null ? clientAddress : priorFor + ", " + clientAddress);
            }
            if (!headers.contains("X-Forwarded-Proto")) {
                headers.set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme());
            }
            HostAndPort authority = incoming.authority();
            if (authority != null && !headers.contains("X-Forwarded-Host")) {
                headers.set("X-Forwarded-Host", authority.toString());
                if (authority.port() > 0) {
                    headers.set("X-Forwarded-Port", Integer.toString(authority.port()));
                }
            }
            headers.set(RequestIds.HEADER, fwd.requestId);

            return context.sendRequest().recover(failure -> {
                Failure f = Failure.of(failure);
                if (incoming.response().closed()) {
                    // The caller closed the connection first; the relay was cut on purpose, the backend is fine.
                    LOG.debugf("%s %s -> %s: caller gone (%s)", incoming.method(), fwd.forwardUri, fwd.backend.service(),
                            failure.toString());
                } else {
                    LOG.warnf("%s %s -> %s unreachable: %s", incoming.method(), fwd.forwardUri, fwd.backend.service(),
                            failure.toString());
                }
                Problem body = Problem.of(f.status, f.slug, f.title)
                        .detail("The " + fwd.backend.service() + " service " + f.detail);
                ProxyResponse problem = request.release().response()
                        .setStatusCode(f.status)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .setBody(Body.body(Buffer.buffer(ProblemReplies.encode(body, incoming.path(), fwd.requestId))));
                if (f.status == 503) {
                    problem.putHeader("Retry-After", "5");
                }
                return Future.succeededFuture(problem);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            MultiMap headers = context.response().headers();
            dropHopByHop(headers);
            ProxyForward fwd = ProxyForward.of(context.request().proxiedRequest());
            LinkRewriter.rewrite(headers, fwd.backend.url(), fwd.publicBase);
            // The gateway's own id and CORS answer already stand on the response; never duplicate them.
            headers.remove(RequestIds.HEADER);
            headers.names().stream().filter(n -> n.regionMatches(true, 0, "access-control-", 0, 15))
                    .toList().forEach(headers::remove);
            return context.sendResponse();
        }
    }

    static void dropHopByHop(MultiMap headers) {
        for (String listed : headers.getAll("Connection")) {
            for (String name : listed.split(",")) {
                headers.remove(name.trim());
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    private record Failure(int status, String slug, String title, String detail) {
        static Failure of(Throwable t) {
            Throwable cause = t;
            while (cause != null) {
                if (cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
                    return new Failure(503, "service-unavailable", "Service unavailable", "cannot be reached.");
                }
                if (cause instanceof TimeoutException) {
                    return new Failure(504, "gateway-timeout", "Gateway timeout", "did not answer in time.");
                }
                cause = cause.getCause();
            }
            return new Failure(502, "bad-gateway", "Bad gateway", "failed while answering.");
        }
    }
}
