package org.cpd.gateway.me;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.routing.RouteTable;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Builds /api/v1/me: five reads in parallel, each with the caller's own token (so every service applies
 * its own authorization), each bounded by a timeout; a part that fails is listed, never fatal.
 */
@Singleton
public class MeComposer {

    private static final Logger LOG = Logger.getLogger(MeComposer.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;

    private WebClient client;
    private RouteTable table;

    @PostConstruct
    void init() {
        table = new RouteTable(config.routes());
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnectionsPerBackend()));
    }

    /** A part of the overview: where it lives and whether the answer is one object or a list. */
    record Part(String name, String segment, String path, boolean list) {
    }

    static List<Part> parts(String practitionerId) {
        List<Part> parts = new ArrayList<>();
        if (practitionerId != null) {
            parts.add(new Part("profile", "practitioners", "/api/v1/practitioners/" + practitionerId, false));
        }
        parts.add(new Part("relationships", "relationships", "/api/v1/relationships?participant=me&status=ACTIVE", true));
        parts.add(new Part("goals", "goals", "/api/v1/goals?owner=me&status=ACTIVE", true));
        parts.add(new Part("upcomingConversations", "conversations", "/api/v1/conversations?participant=me&upcoming=true", true));
        parts.add(new Part("actionsDue", "relationships", "/api/v1/relationships/actions?owner=me&open=true", true));
        return parts;
    }

    private record Outcome(Part part, Object value, MeView.Unavailable unavailable) {
    }

    public Uni<MeView> compose(String subject, String clientId, String practitionerId, String bearer, String requestId) {
        List<Uni<Outcome>> calls = new ArrayList<>();
        for (Part part : parts(practitionerId)) {
            calls.add(fetch(part, bearer, requestId));
        }
        return Uni.join().all(calls).andFailFast().map(outcomes -> {
            Map<String, Object> values = new java.util.HashMap<>();
            List<MeView.Unavailable> unavailable = new ArrayList<>();
            if (practitionerId == null) {
                unavailable.add(new MeView.Unavailable("profile", "directory", null, "token-has-no-practitioner-id"));
            }
            for (Outcome o : outcomes) {
                if (o.unavailable() != null) {
                    unavailable.add(o.unavailable());
                } else {
                    values.put(o.part().name(), o.value());
                }
            }
            return new MeView(subject, clientId, practitionerId,
                    cast(values.get("profile")),
                    castList(values.get("relationships")),
                    castList(values.get("goals")),
                    castList(values.get("upcomingConversations")),
                    castList(values.get("actionsDue")),
                    unavailable);
        });
    }

    private Uni<Outcome> fetch(Part part, String bearer, String requestId) {
        var backend = table.forSegment(part.segment());
        if (backend.isEmpty()) {
            return Uni.createFrom().item(unavailable(part, "?", null, "not-routed"));
        }
        URI base = backend.get().url();
        String service = backend.get().service();
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        var request = client.request(io.vertx.core.http.HttpMethod.GET, port, base.getHost(), part.path())
                .ssl("https".equals(base.getScheme()))
                .timeout(config.me().timeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader("X-Request-Id", requestId);
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> toOutcome(part, service, response))
                .onFailure().recoverWithItem(failure -> {
                    String reason = rootIs(failure, TimeoutException.class) ? "timeout" : "unreachable";
                    LOG.warnf("/me part %s from %s: %s", part.name(), service, failure.toString());
                    return unavailable(part, service, null, reason);
                });
    }

    private Outcome toOutcome(Part part, String service, HttpResponse<Buffer> response) {
        if (response.statusCode() / 100 != 2) {
            return unavailable(part, service, response.statusCode(), "status-" + response.statusCode());
        }
        try {
            Buffer body = response.body();
            if (body == null || body.length() == 0) {
                return unavailable(part, service, response.statusCode(), "empty-body");
            }
            if (!part.list()) {
                return new Outcome(part, mapper.readValue(body.getBytes(), MAP), null);
            }
            Object parsed = mapper.readValue(body.getBytes(), Object.class);
            // Collections answer {"items": [...], "nextCursor": ...}; a bare array is accepted too.
            Object items = parsed instanceof Map<?, ?> m ? m.get("items") : parsed;
            if (!(items instanceof List<?>)) {
                return unavailable(part, service, response.statusCode(), "unexpected-body");
            }
            return new Outcome(part, items, null);
        } catch (Exception e) {
            return unavailable(part, service, response.statusCode(), "unreadable-body");
        }
    }

    private static Outcome unavailable(Part part, String service, Integer status, String reason) {
        return new Outcome(part, null, new MeView.Unavailable(part.name(), service, status, reason));
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object o) {
        return o == null ? null : Collections.unmodifiableList((List<Map<String, Object>>) o);
    }
}
