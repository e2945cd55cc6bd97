package org.cpd.relationships.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the directory read model can be read. Reports how many practitioners it knows and
 * when the directory last changed one, so a stalled consumer shows up in the readiness output.
 */
@Readiness
@ApplicationScoped
public class ReadModelReadiness implements HealthCheck {

    @Inject
    DirectoryReadModel readModel;

    @Override
    @ActivateRequestContext // the read needs a persistence context
    public HealthCheckResponse call() {
        try {
            DirectoryReadModel.Summary summary = readModel.summary();
            return HealthCheckResponse.named("directory-read-model").up()
                    .withData("practitioners", summary.practitioners())
                    .withData("lastChange", String.valueOf(summary.lastChange()))
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("directory-read-model").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
