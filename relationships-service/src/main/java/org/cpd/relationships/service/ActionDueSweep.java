package org.cpd.relationships.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cpd.commons.persistence.TrackedEntity;

/** Announces action points whose due date has come (action-due events). */
@ApplicationScoped
public class ActionDueSweep {

    @Inject
    ConversationService conversations;

    @Scheduled(every = "${cpd.relationships.sweep-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        conversations.announceDueActions(TrackedEntity.now());
    }
}
