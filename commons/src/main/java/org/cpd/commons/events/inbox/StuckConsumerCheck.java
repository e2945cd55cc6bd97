package org.cpd.commons.events.inbox;

import org.cpd.commons.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a consumer has held one record longer than {@code cpd.events.stuck-after}: its read
 * model stops following its topic, and an orchestrator should see it (and restart it if it stays so).
 * A channel that failed outright is already reported by the messaging extension's own readiness.
 */
@Readiness
@ApplicationScoped
public class StuckConsumerCheck implements HealthCheck {

    @Inject
    ConsumerProgress progress;

    @Inject
    EventsConfig events;

    @Override
    public HealthCheckResponse call() {
        var stuck = progress.heldLongerThan(events.stuckAfter());
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("event consumers").status(stuck.isEmpty());
        long now = System.nanoTime();
        for (ConsumerProgress.InHand held : stuck) {
            answer.withData(held.consumer(), held.topic() + "-" + held.partition() + "@" + held.offset()
                    + " in hand for " + held.heldFor(now).toSeconds() + " s");
        }
        return answer.build();
    }
}
