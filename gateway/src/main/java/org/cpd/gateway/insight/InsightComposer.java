package org.cpd.gateway.insight;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.gateway.routing.ServiceComposer;
import org.jboss.logging.Logger;

/**
 * Builds /api/v1/insight/...: each service's part in parallel, with the caller's own token (each service
 * decides who may see its aggregates and suppresses small numbers itself), each bounded by a timeout. A
 * part that fails is listed, never fatal; a 400 from a service is the caller's bad filter and answered as
 * the gateway's own; when every service says 404 the view does not exist for the caller.
 */
@Singleton
public class InsightComposer extends ServiceComposer {

    private static final Logger LOG = Logger.getLogger(InsightComposer.class);
    static final Pattern URN = Pattern.compile("[0-9]{6}");
    /** The services with a part, by the name of the part. */
    static final Map<String, String> PARTS = Map.of("relationships", "relationships", "goals", "goals", "supportLoad", "directory");
    /**
     * The filters a part takes, where not all: supporters' load is as of now, so directory-service takes no
     * date range (docs/adr/0041-insight-small-number-suppression.md, "Load by expertise").
     */
    static final Map<String, Set<String>> PART_FILTERS = Map.of("supportLoad", Set.of("school", "form"));

    record Answer(int status, byte[] body, String failure) {
    }

    private record Outcome(String part, Map<String, Object> value, InsightView.Unavailable unavailable, Answer answer) {
    }

    public Uni<InsightView> partnership(String id, Map<String, String> filters, String bearer, String requestId) {
        return compose("PARTNERSHIP", id, filters.get("school"), "/api/v1/insight/partnerships/" + encode(id), filters, bearer, requestId);
    }

    /** A school by URN, or by its directory id (resolved to the URN through directory-service with the caller's token). */
    public Uni<InsightView> school(String idOrUrn, Map<String, String> filters, String bearer, String requestId) {
        if (URN.matcher(idOrUrn).matches()) {
            return compose("SCHOOL", null, idOrUrn, "/api/v1/insight/schools/" + idOrUrn, filters, bearer, requestId);
        }
        return get("directory", "/api/v1/schools/" + encode(idOrUrn), bearer, requestId).map(answer -> {
            if (answer.status() == 200) {
                try {
                    JsonNode urn = mapper.readTree(answer.body()).path("urn");
                    if (urn.isTextual() && URN.matcher(urn.asText()).matches()) {
                        return urn.asText();
                    }
                } catch (Exception e) {
                    LOG.warnf("school %s from directory: %s", idOrUrn, e.toString());
                }
            }
            if (answer.status() / 100 == 4 || answer.status() == 200) {
                throw Problems.notFound("school", idOrUrn);
            }
            throw new IllegalStateException("directory-service did not resolve the school: " + answer.failure());
        }).flatMap(urn -> compose("SCHOOL", null, urn, "/api/v1/insight/schools/" + urn, filters, bearer, requestId));
    }

    private Uni<InsightView> compose(String kind, String partnership, String school, String path, Map<String, String> filters,
                                     String bearer, String requestId) {
        List<Uni<Outcome>> calls = new ArrayList<>();
        PARTS.forEach((part, service) -> calls.add(get(service, path + query(kind, part, filters), bearer, requestId)
                .map(answer -> outcome(part, service, answer))));
        return Uni.join().all(calls).andFailFast().map(outcomes -> {
            for (Outcome o : outcomes) {
                if (o.answer() != null && o.answer().status() == 400) {
                    throw refusal(o.answer());
                }
            }
            if (outcomes.stream().allMatch(o -> o.answer() != null && o.answer().status() == 404)) {
                throw Problems.notFound(kind.equals("SCHOOL") ? "school" : "partnership", kind.equals("SCHOOL") ? school : partnership);
            }
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            List<InsightView.Unavailable> unavailable = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (o.unavailable() != null) {
                    unavailable.add(o.unavailable());
                } else {
                    values.put(o.part(), o.value());
                }
            }
            unavailable.sort(java.util.Comparator.comparing(InsightView.Unavailable::part));
            return new InsightView(kind, partnership, school, values.get("relationships"), values.get("goals"),
                    values.get("supportLoad"), unavailable);
        });
    }

    /** The query of a part's request: the filters it takes (a school view's school is its path). */
    private static String query(String kind, String part, Map<String, String> filters) {
        StringBuilder query = new StringBuilder();
        Set<String> takes = PART_FILTERS.get(part);
        filters.forEach((name, value) -> {
            if (value != null && !("SCHOOL".equals(kind) && name.equals("school")) && (takes == null || takes.contains(name))) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(encode(value));
            }
        });
        return query.toString();
    }

    private Outcome outcome(String part, String service, Answer answer) {
        if (answer.failure() != null) {
            return new Outcome(part, null, new InsightView.Unavailable(part, service, null, answer.failure()), null);
        }
        if (answer.status() != 200) {
            return new Outcome(part, null, new InsightView.Unavailable(part, service, answer.status(), "status-" + answer.status()), answer);
        }
        try {
            return new Outcome(part, mapper.readValue(answer.body(), JSON_OBJECT), null, answer);
        } catch (Exception e) {
            return new Outcome(part, null, new InsightView.Unavailable(part, service, answer.status(), "unreadable-body"), answer);
        }
    }

    private Uni<Answer> get(String service, String path, String bearer, String requestId) {
        return calls.getFromService(service, path, config.insight().timeout(), bearer, requestId)
                .map(reply -> reply.answered() ? new Answer(reply.status(), reply.body(), null)
                        : new Answer(0, null, reply.failure()));
    }

    /** The service's 400 as the gateway's own problem (the same slug, detail and field errors). */
    private Problem refusal(Answer answer) {
        try {
            JsonNode body = mapper.readTree(answer.body());
            List<Problem.FieldError> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                errors.add(new Problem.FieldError(error.path("field").asText(), error.path("message").asText()));
            }
            if (!errors.isEmpty()) {
                return Problems.invalid(errors);
            }
            String type = body.path("type").asText("");
            String slug = type.startsWith("urn:cpd:problem:") ? type.substring("urn:cpd:problem:".length()) : "invalid-parameter";
            return Problems.badRequest(slug, body.path("detail").asText("The insight filters are not valid"));
        } catch (Exception e) {
            return Problems.badRequest("invalid-parameter", "The insight filters are not valid");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
