package org.cpd.gateway.privacy;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubjectErasure", description = """
        Where a person's erasure stands in each service (docs/adr/0043-erasure.md): directory-service erases the \
        record and publishes practitioner-erased; each other service applies it when the event reaches it, also \
        after being down. `complete` is true once every service has applied it.""")
public record SubjectErasure(
        @Schema(required = true) String practitionerId,
        @Schema(required = true, description = "Every service has applied the erasure.") boolean complete,
        @Schema(required = true, description = "One entry per service, directory first.") List<ServiceErasure> services) {

    @Schema(name = "ServiceErasure")
    public record ServiceErasure(
            @Schema(required = true, enumeration = {"directory", "relationships", "goals"}) String service,
            @Schema(required = true, enumeration = {"APPLIED", "PENDING", "UNAVAILABLE"}, description = """
                    APPLIED: the service's erasure record is in `erasure`. PENDING: the service has not applied the event \
                    yet. UNAVAILABLE: the service did not answer (see `reason`).""") String state,
            @Schema(description = "The service's own erasure record, when applied.") Map<String, Object> erasure,
            @Schema(description = "The service's HTTP status, when it answered at all.") Integer status,
            @Schema(description = "Why the state is not known, when UNAVAILABLE.", examples = "timeout") String reason) {
    }
}
