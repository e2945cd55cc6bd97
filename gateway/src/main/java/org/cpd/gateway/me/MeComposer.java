package org.cpd.gateway.me;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.cpd.gateway.routing.ServiceCalls;
import org.cpd.gateway.routing.ServiceComposer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Builds /api/v1/me: five reads in parallel, each with the caller's own token (so every service applies
 * its own authorization), each bounded by a timeout; a part that fails is listed, never fatal.
 */
@Singleton
public class MeComposer extends ServiceComposer {

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
        return calls.getFromSegment(part.segment(), part.path(), config.me().timeout(), bearer, requestId)
                .map(reply -> toOutcome(part, reply));
    }

    private Outcome toOutcome(Part part, ServiceCalls.Reply reply) {
        if (!reply.answered()) {
            return unavailable(part, reply.service(), null, reply.failure());
        }
        int status = reply.status();
        if (status / 100 != 2) {
            return unavailable(part, reply.service(), status, "status-" + status);
        }
        try {
            byte[] body = reply.body();
            if (body.length == 0) {
                return unavailable(part, reply.service(), status, "empty-body");
            }
            if (!part.list()) {
                return new Outcome(part, mapper.readValue(body, JSON_OBJECT), null);
            }
            Object parsed = mapper.readValue(body, Object.class);
            // Collections answer {"items": [...], "nextCursor": ...}; a bare array is accepted too.
            Object items = parsed instanceof Map<?, ?> m ? m.get("items") : parsed;
            if (!(items instanceof List<?>)) {
                return unavailable(part, reply.service(), status, "unexpected-body");
            }
            return new Outcome(part, items, null);
        } catch (Exception e) {
            return unavailable(part, reply.service(), status, "unreadable-body");
        }
    }

    private static Outcome unavailable(Part part, String service, Integer status, String reason) {
        return new Outcome(part, null, new MeView.Unavailable(part.name(), service, status, reason));
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
