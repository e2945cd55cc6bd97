package org.cpd.gateway.privacy;

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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.routing.RouteTable;
import org.jboss.logging.Logger;

/**
 * Builds /api/v1/privacy/subjects/{id}/export: every service's own export of the person, asked in parallel with the
 * caller's token (each service decides what the caller may have), each bounded by a timeout. The first service
 * (directory, which owns the person's record) deciding 404 makes the archive a 404; so does no service giving a
 * part. Any other part that fails is listed in {@code unavailable}: the archive says it is incomplete, never
 * silently partial (docs/adr/0041-subject-access-export.md).
 */
@Singleton
public class SubjectExportComposer {

    private static final Logger LOG = Logger.getLogger(SubjectExportComposer.class);
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

    /** What one service gave. */
    record Part(String service, Map<String, Object> body, Integer status, String reason) {
        boolean answered() {
            return body != null;
        }
    }

    /**
     * @param subjectParam the path's practitioner id or {@code me}, as given
     */
    public Uni<SubjectExport> compose(String subjectParam, SubjectExport.RequestedBy requester, String bearer,
                                      String requestId) {
        SubjectRef subject;
        try {
            subject = SubjectRef.parse(subjectParam); // bad input is refused before any service is asked
        } catch (RuleViolation violation) {
            throw Problems.of(violation);
        }
        UUID callers = parseOrNull(requester.practitionerId());
        UUID person = subject.resolve(callers).orElseThrow(() -> Problems.notFound("practitioner", SubjectRef.ME));
        List<Uni<Part>> calls = new ArrayList<>();
        for (String service : config.privacy().services()) {
            var backend = table.service(service);
            calls.add(backend.isEmpty()
                    ? Uni.createFrom().item(new Part(service, null, null, "not-routed"))
                    : fetch(backend.get(), person, bearer, requestId));
        }
        return Uni.join().all(calls).andFailFast().map(parts -> assemble(person, requester, parts));
    }

    SubjectExport assemble(UUID person, SubjectExport.RequestedBy requester, List<Part> parts) {
        Part owner = parts.get(0);
        boolean anyAnswered = parts.stream().anyMatch(Part::answered);
        boolean anyRefused = parts.stream().anyMatch(p -> Integer.valueOf(404).equals(p.status()));
        if (Integer.valueOf(404).equals(owner.status()) || (!anyAnswered && anyRefused)) {
            throw Problems.notFound("practitioner", person);
        }
        Map<String, Map<String, Object>> bodies = new HashMap<>();
        List<SubjectExport.Unavailable> unavailable = new ArrayList<>();
        for (Part part : parts) {
            if (part.answered()) {
                bodies.put(part.service(), part.body());
            } else {
                unavailable.add(new SubjectExport.Unavailable(part.service(), part.status(), part.reason()));
            }
        }
        return new SubjectExport(person.toString(), Instant.now(), requester, unavailable.isEmpty(),
                bodies.get("directory"), bodies.get("relationships"), bodies.get("goals"), unavailable);
    }

    private Uni<Part> fetch(RouteTable.Backend backend, UUID person, String bearer, String requestId) {
        URI base = backend.url();
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        var request = client.request(io.vertx.core.http.HttpMethod.GET, port, base.getHost(),
                        "/api/v1/privacy/subjects/" + person + "/export")
                .ssl("https".equals(base.getScheme()))
                .timeout(config.privacy().timeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader("X-Request-Id", requestId);
        if (bearer != null) {
            request.putHeader("Authorization", "Bearer " + bearer);
        }
        String service = backend.service();
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .map(response -> toPart(service, response))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("subject export from %s: %s", service, failure.toString());
                    return new Part(service, null, null, rootIs(failure, TimeoutException.class) ? "timeout" : "unreachable");
                });
    }

    private Part toPart(String service, HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            return new Part(service, null, response.statusCode(), "status-" + response.statusCode());
        }
        try {
            Map<String, Object> body = mapper.readValue(response.body().getBytes(), MAP);
            return body == null ? new Part(service, null, 200, "unreadable-body") : new Part(service, body, 200, null);
        } catch (Exception e) {
            return new Part(service, null, 200, "unreadable-body");
        }
    }

    private static UUID parseOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
