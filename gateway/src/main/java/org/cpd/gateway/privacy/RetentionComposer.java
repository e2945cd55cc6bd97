package org.cpd.gateway.privacy;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.privacy.RetentionReport;
import org.cpd.gateway.routing.ServiceCalls;
import org.cpd.gateway.routing.ServiceComposer;

/**
 * /api/v1/privacy/retention at the gateway: every service's own dry run, asked in parallel with the caller's token,
 * in one report. The services decide who may read it (partnership admins); their refusal is the answer. A service
 * that does not answer is listed in {@code unavailable} and its kinds are missing; none answering is a 503.
 */
@Singleton
public class RetentionComposer extends ServiceComposer {

    static final String PATH = "/api/v1/privacy/retention";

    /** The composed report, or the services' refusal (401, 403) to relay as it came. */
    public record Outcome(RetentionReport report, ServiceCalls.Reply refusal) {
    }

    public Uni<Outcome> report(String bearer, String requestId) {
        List<Uni<ServiceCalls.Reply>> reads = new ArrayList<>();
        for (String service : config.privacy().services()) {
            reads.add(calls.getFromService(service, PATH, config.privacy().timeout(), bearer, requestId));
        }
        return Uni.join().all(reads).andFailFast().map(this::compose);
    }

    private Outcome compose(List<ServiceCalls.Reply> replies) {
        List<RetentionReport.Kind> kinds = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Instant asOf = null;
        for (ServiceCalls.Reply reply : replies) {
            if (reply.answered() && (reply.status() == 401 || reply.status() == 403)) {
                return new Outcome(null, reply); // the caller may not read it: every service says the same
            }
            RetentionReport part = reply.answered() && reply.status() == 200 ? read(reply) : null;
            if (part == null) {
                unavailable.add(reply.service());
                continue;
            }
            kinds.addAll(part.kinds());
            asOf = asOf == null || part.asOf().isBefore(asOf) ? part.asOf() : asOf;
        }
        if (asOf == null) {
            throw Problem.of(503, "service-unavailable", "Service unavailable")
                    .detail("No service answered for its retention report (" + String.join(", ", unavailable) + "). Try again.");
        }
        kinds.sort(Comparator.comparing(RetentionReport.Kind::service).thenComparing(RetentionReport.Kind::kind));
        return new Outcome(new RetentionReport(asOf, kinds, unavailable), null);
    }

    private RetentionReport read(ServiceCalls.Reply reply) {
        try {
            RetentionReport part = mapper.readValue(reply.body(), RetentionReport.class);
            return part == null || part.asOf() == null || part.kinds() == null ? null : part;
        } catch (Exception e) {
            return null;
        }
    }
}
