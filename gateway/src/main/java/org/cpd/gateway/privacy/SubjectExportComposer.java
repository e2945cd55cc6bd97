package org.cpd.gateway.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.gateway.routing.ServiceCalls;
import org.cpd.gateway.routing.ServiceComposer;

/**
 * Builds /api/v1/privacy/subjects/{id}/export: every service's own export of the person, asked in parallel with the
 * caller's token (each service decides what the caller may have), each bounded by a timeout. The first service
 * (directory, which owns the person's record) deciding 404 makes the archive a 404; so does no service giving a
 * part. Any other part that fails is listed in {@code unavailable}: the archive says it is incomplete, never
 * silently partial (docs/adr/0042-subject-access-export.md).
 */
@Singleton
public class SubjectExportComposer extends ServiceComposer {

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
        List<Uni<Part>> reads = new ArrayList<>();
        for (String service : config.privacy().services()) {
            reads.add(calls.getFromService(service, "/api/v1/privacy/subjects/" + person + "/export",
                    config.privacy().timeout(), bearer, requestId).map(this::toPart));
        }
        return Uni.join().all(reads).andFailFast().map(parts -> assemble(person, requester, parts));
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

    private Part toPart(ServiceCalls.Reply reply) {
        String service = reply.service();
        if (!reply.answered()) {
            return new Part(service, null, null, reply.failure());
        }
        if (reply.status() != 200) {
            return new Part(service, null, reply.status(), "status-" + reply.status());
        }
        try {
            Map<String, Object> body = mapper.readValue(reply.body(), JSON_OBJECT);
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
}
