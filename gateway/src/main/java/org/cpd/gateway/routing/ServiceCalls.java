package org.cpd.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The calls the gateway makes itself to build its own views (/me, /audit, /privacy, the merged OpenAPI document):
 * one route table and one pooled client for all of them. A call never fails: it answers the service's
 * response, or why there is none, so a composer can list a missing part instead of failing the view.
 */
@Singleton
public class ServiceCalls {

    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private RouteTable table;
    private WebClient client;

    @PostConstruct
    void init() {
        table = new RouteTable(config.routes());
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerBackend()));
    }

    public RouteTable routes() {
        return table;
    }

    /** A service's answer, or the reason there is none: {@code not-routed}, {@code timeout} or {@code unreachable}. */
    public record Reply(String service, HttpResponse<Buffer> response, String failure) {

        public boolean answered() {
            return response != null;
        }

        /** The status, or null when the service did not answer. */
        public Integer status() {
            return response == null ? null : response.statusCode();
        }

        /** The body's bytes; empty when there is none. */
        public byte[] body() {
            Buffer body = response == null ? null : response.body();
            return body == null ? new byte[0] : body.getBytes();
        }
    }

    /** GET {@code pathAndQuery} from the service that owns {@code segment}, as the caller (their token). */
    public Uni<Reply> getFromSegment(String segment, String pathAndQuery, Duration timeout, String bearer,
                                     String requestId) {
        return table.forSegment(segment)
                .map(backend -> get(backend.service(), backend.url(), pathAndQuery, timeout, bearer, requestId))
                .orElseGet(() -> Uni.createFrom().item(new Reply("?", null, "not-routed")));
    }

    /** GET {@code pathAndQuery} from the named service, as the caller (their token). */
    public Uni<Reply> getFromService(String service, String pathAndQuery, Duration timeout, String bearer,
                                     String requestId) {
        return table.service(service)
                .map(backend -> get(service, backend.url(), pathAndQuery, timeout, bearer, requestId))
                .orElseGet(() -> Uni.createFrom().item(new Reply(service, null, "not-routed")));
    }

    /** POST an empty body to {@code path} of the named service, as the caller (their token). */
    public Uni<Reply> postToService(String service, String path, Duration timeout, String bearer, String requestId) {
        return table.service(service)
                .map(backend -> send(HttpMethod.POST, service, backend.url(), path, timeout, bearer, requestId))
                .orElseGet(() -> Uni.createFrom().item(new Reply(service, null, "not-routed")));
    }

    /**
     * GET {@code pathAndQuery} from {@code base}, JSON accepted; the bearer token and request id are sent when
     * given (both may be null).
     */
    public Uni<Reply> get(String service, URI base, String pathAndQuery, Duration timeout, String bearer,
                          String requestId) {
        return send(HttpMethod.GET, service, base, pathAndQuery, timeout, bearer, requestId);
    }

    private Uni<Reply> send(HttpMethod method, String service, URI base, String pathAndQuery, Duration timeout,
                            String bearer, String requestId) {
        boolean tls = "https".equals(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : (tls ? 443 : 80);
        var request = client.request(method, port, base.getHost(), pathAndQuery)
                .ssl(tls)
                .timeout(timeout.toMillis())
                .putHeader("Accept", "application/json");
        if (requestId != null) {
            request.putHeader("X-Request-Id", requestId);
        }
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> new Reply(service, response, null))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("%s %s to %s: %s", method, pathAndQuery, service, failure.toString());
                    return new Reply(service, null, causedBy(failure, TimeoutException.class) ? "timeout" : "unreachable");
                });
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
