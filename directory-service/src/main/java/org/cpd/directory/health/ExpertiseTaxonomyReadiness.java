package org.cpd.directory.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.cpd.directory.domain.Expertise;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the expertise taxonomy is loaded: offers and matching accept only its codes, so
 * without it every offer would be refused.
 */
@Readiness
@ApplicationScoped
public class ExpertiseTaxonomyReadiness implements HealthCheck {

    static final String NAME = "expertise-taxonomy";

    @Override
    @ActivateRequestContext
    public HealthCheckResponse call() {
        long active = Expertise.count("active", true);
        return HealthCheckResponse.named(NAME).status(active > 0).withData("activeEntries", active).build();
    }
}
