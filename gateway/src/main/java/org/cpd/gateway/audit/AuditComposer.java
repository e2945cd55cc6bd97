package org.cpd.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.audit.AuditEntryView;
import org.cpd.gateway.routing.ServiceCalls;
import org.cpd.gateway.routing.ServiceComposer;

/**
 * Builds /api/v1/audit: every service's own /api/v1/audit read in parallel with the caller's token (each
 * service decides what the caller may see), each bounded by a timeout, merged by time into one page with
 * one composite cursor. A service that fails is listed, never fatal; a 400 from a service is the caller's
 * bad input (every service checks the same filters) and is answered as the gateway's own 400.
 */
@Singleton
public class AuditComposer extends ServiceComposer {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Comparator<AuditEntryView> ORDER = Comparator.comparing(AuditEntryView::occurredAt)
            .thenComparing(AuditEntryView::service).thenComparingLong(AuditEntryView::sequence);

    /** What one service gave for this page. */
    private record Part(String service, CompositeCursor.Position from, List<AuditEntryView> entries, String next,
                        AuditFeed.Unavailable unavailable, Problem refused) {

        static Part done(String service, CompositeCursor.Position at) {
            return new Part(service, at, List.of(), null, null, null);
        }

        boolean answered() {
            return unavailable == null && refused == null;
        }
    }

    /**
     * @param filters the filters as the caller gave them (checked already), passed on unchanged
     */
    public Uni<AuditFeed> compose(Map<String, String> filters, String limitParam, String cursorParam, String bearer,
                                  String requestId) {
        int limit = limit(limitParam);
        CompositeCursor at = CompositeCursor.decode(cursorParam, mapper);
        List<Uni<Part>> reads = new ArrayList<>();
        for (String service : config.audit().services()) {
            CompositeCursor.Position position = at.of(service);
            reads.add(position.done()
                    ? Uni.createFrom().item(Part.done(service, position))
                    : fetch(service, position, filters, limit, bearer, requestId));
        }
        return Uni.join().all(reads).andFailFast().map(parts -> merge(parts, limit));
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problems.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The k-way merge: stops where a service that has more entries has none left in this page's buffer. */
    AuditFeed merge(List<Part> parts, int limit) {
        for (Part part : parts) {
            if (part.refused() != null) {
                throw part.refused();
            }
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        parts.forEach(p -> taken.put(p.service(), 0));
        List<AuditEntryView> items = new ArrayList<>();
        while (items.size() < limit) {
            Part next = null;
            boolean waitForMore = false;
            for (Part part : parts) {
                if (!part.answered()) {
                    continue;
                }
                int used = taken.get(part.service());
                if (used == part.entries().size()) {
                    waitForMore |= part.next() != null; // its next entry may come before anyone else's
                } else if (next == null || ORDER.compare(part.entries().get(used),
                        next.entries().get(taken.get(next.service()))) < 0) {
                    next = part;
                }
            }
            if (next == null || waitForMore) {
                break;
            }
            int used = taken.get(next.service());
            items.add(next.entries().get(used));
            taken.put(next.service(), used + 1);
        }
        Map<String, CompositeCursor.Position> positions = new LinkedHashMap<>();
        List<AuditFeed.Unavailable> unavailable = new ArrayList<>();
        boolean allDone = true;
        for (Part part : parts) {
            CompositeCursor.Position position;
            if (!part.answered()) {
                unavailable.add(part.unavailable());
                position = part.from(); // read again next time
            } else if (taken.get(part.service()) < part.entries().size()) {
                position = new CompositeCursor.Position(part.from().cursor(),
                        part.from().skip() + taken.get(part.service()), false);
            } else if (part.next() != null) {
                position = new CompositeCursor.Position(part.next(), 0, false);
            } else {
                position = new CompositeCursor.Position(null, 0, true);
            }
            allDone &= position.done();
            positions.put(part.service(), position);
        }
        String nextCursor = allDone ? null : new CompositeCursor(positions).encode(mapper);
        return new AuditFeed(items, nextCursor, unavailable);
    }

    private Uni<Part> fetch(String service, CompositeCursor.Position position, Map<String, String> filters,
                            int limit, String bearer, String requestId) {
        StringBuilder path = new StringBuilder("/api/v1/audit?limit=").append(Math.min(MAX_LIMIT, position.skip() + limit));
        if (position.cursor() != null) {
            path.append("&cursor=").append(encode(position.cursor()));
        }
        filters.forEach((name, value) -> path.append('&').append(name).append('=').append(encode(value)));
        return calls.getFromService(service, path.toString(), config.audit().timeout(), bearer, requestId)
                .map(reply -> toPart(position, reply));
    }

    private Part toPart(CompositeCursor.Position position, ServiceCalls.Reply reply) {
        String service = reply.service();
        if (!reply.answered()) {
            return unavailable(service, position, null, reply.failure());
        }
        int status = reply.status();
        if (status == 400) {
            return new Part(service, position, List.of(), null, null, refusal(reply.body()));
        }
        if (status / 100 != 2) {
            return unavailable(service, position, status, "status-" + status);
        }
        try {
            JsonNode page = mapper.readTree(reply.body());
            List<AuditEntryView> entries = new ArrayList<>();
            for (JsonNode item : page.path("items")) {
                entries.add(mapper.treeToValue(item, AuditEntryView.class));
            }
            // the log is append-only: the entries given out from this page are still its first ones
            List<AuditEntryView> unseen = entries.subList(Math.min(position.skip(), entries.size()), entries.size());
            String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            return new Part(service, position, List.copyOf(unseen), next, null, null);
        } catch (Exception e) {
            return unavailable(service, position, status, "unreadable-body");
        }
    }

    /** The service's 400, with its field errors, as the gateway's own problem. */
    private Problem refusal(byte[] body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        try {
            for (JsonNode error : mapper.readTree(body).path("errors")) {
                errors.add(new Problem.FieldError(error.path("field").asText(), error.path("message").asText()));
            }
        } catch (Exception ignored) {
            // an unreadable refusal is still a refusal
        }
        return errors.isEmpty() ? Problems.badRequest("validation-failed", "The audit filters are not valid")
                : Problems.invalid(errors);
    }

    private static Part unavailable(String service, CompositeCursor.Position position, Integer status, String reason) {
        return new Part(service, position, List.of(), null, new AuditFeed.Unavailable(service, status, reason), null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
