package org.cpd.gateway.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.gateway.routing.ServiceCalls;
import org.cpd.gateway.routing.ServiceComposer;

/**
 * /api/v1/privacy/subjects/{id}/erasure at the gateway: the request goes to the service that owns the person's record
 * (the first of {@code cpd.gateway.privacy.services}, directory), which decides who may erase and tells the others by
 * event; the status asks every service in parallel with the caller's token. The owner's 404 is the answer's 404, so
 * the status says nothing about a person the caller may not erase (docs/adr/0043-erasure.md).
 */
@Singleton
public class SubjectErasureComposer extends ServiceComposer {

    /** The owner's answer to the erasure request, relayed as it came; 503 when it did not answer. */
    public Uni<ServiceCalls.Reply> request(String practitionerId, String bearer, String requestId) {
        UUID person = personOf(practitionerId);
        String owner = config.privacy().services().get(0);
        return calls.postToService(owner, path(person), config.privacy().timeout(), bearer, requestId)
                .map(reply -> {
                    if (!reply.answered()) {
                        throw unavailable(owner, reply.failure());
                    }
                    return reply;
                });
    }

    public Uni<SubjectErasure> status(String practitionerId, String bearer, String requestId) {
        UUID person = personOf(practitionerId);
        List<Uni<SubjectErasure.ServiceErasure>> reads = new ArrayList<>();
        for (String service : config.privacy().services()) {
            reads.add(calls.getFromService(service, path(person), config.privacy().timeout(), bearer, requestId)
                    .map(this::stateOf));
        }
        return Uni.join().all(reads).andFailFast().map(states -> {
            SubjectErasure.ServiceErasure owner = states.get(0);
            if (Integer.valueOf(404).equals(owner.status()) || "PENDING".equals(owner.state())) {
                throw Problems.notFound("erasure of practitioner", person);
            }
            if ("UNAVAILABLE".equals(owner.state())) {
                throw unavailable(owner.service(), owner.reason());
            }
            return new SubjectErasure(person.toString(), states.stream().allMatch(s -> "APPLIED".equals(s.state())), states);
        });
    }

    private SubjectErasure.ServiceErasure stateOf(ServiceCalls.Reply reply) {
        String service = reply.service();
        if (!reply.answered()) {
            return new SubjectErasure.ServiceErasure(service, "UNAVAILABLE", null, null, reply.failure());
        }
        if (reply.status() == 404) {
            // Not applied yet: the services decide access from the erasure's own record, which they write when applying it.
            return new SubjectErasure.ServiceErasure(service, "PENDING", null, 404, null);
        }
        if (reply.status() != 200) {
            return new SubjectErasure.ServiceErasure(service, "UNAVAILABLE", null, reply.status(), "status-" + reply.status());
        }
        try {
            Map<String, Object> record = mapper.readValue(reply.body(), JSON_OBJECT);
            return record == null
                    ? new SubjectErasure.ServiceErasure(service, "UNAVAILABLE", null, 200, "unreadable-body")
                    : new SubjectErasure.ServiceErasure(service, "APPLIED", record, 200, null);
        } catch (Exception e) {
            return new SubjectErasure.ServiceErasure(service, "UNAVAILABLE", null, 200, "unreadable-body");
        }
    }

    private static UUID personOf(String practitionerId) {
        try {
            if (practitionerId == null || practitionerId.length() != 36) {
                throw new IllegalArgumentException("not a canonical UUID");
            }
            return UUID.fromString(practitionerId);
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("practitionerId", "must be a practitioner id (a UUID)");
        }
    }

    private static String path(UUID person) {
        return "/api/v1/privacy/subjects/" + person + "/erasure";
    }

    private static Problem unavailable(String service, String reason) {
        return Problem.of(503, "service-unavailable", "Service unavailable")
                .detail("The " + service + " service did not answer (" + reason + "); nothing was changed by the gateway. Try again.");
    }
}
