package org.cpd.goals.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.EventRoutes;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerErasedData;
import org.cpd.contracts.directory.PractitionerMergedData;
import org.cpd.goals.domain.Erasure;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.repository.ErasureQueries;
import org.cpd.goals.repository.MergeQueries;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The two directory events goals-service applies, on the shared consumer skeleton (inbox dedupe in the same
 * transaction as the effect, unreadable records to its dead-letter topic): a person's erasure
 * (docs/adr/0043-erasure.md) and a merge of two records of one person (docs/adr/0017-merges-and-tombstones.md).
 * Every other directory event is ignored: this service keeps no read model of the directory.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    static final String CONSUMER = "goals-directory";

    @Inject
    EventConsumer consumer;

    @Inject
    ErasureQueries erasures;

    @Inject
    MergeQueries merges;

    @Inject
    GoalsPublisher publisher;

    @Inject
    AuditLog audit;

    private final EventRoutes routes = EventRoutes.of(CONSUMER)
            .on(DirectoryEvents.PRACTITIONER_ERASED, PractitionerErasedData.class, (d, e) -> erase(d))
            .on(DirectoryEvents.PRACTITIONER_MERGED, PractitionerMergedData.class, (d, e) -> merge(d));

    /** A request context for the audit log (an erasure is audited; the log reads the caller, here nobody). */
    @Incoming("directory-events")
    @Blocking
    @ActivateRequestContext
    public void on(ConsumerRecord<String, String> record) {
        consumer.consume(record, routes);
    }

    /** In the consumer's one transaction; an erasure already applied (a repeated event) changes nothing. */
    private void erase(PractitionerErasedData data) {
        if (data.practitionerId() == null || Erasure.findById(data.practitionerId()) != null) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ErasureQueries.Counts counts = erasures.erase(data.practitionerId(), now);
        Erasure erasure = new Erasure();
        erasure.recordOf(data, now);
        erasure.goals = counts.goals();
        erasure.evidenceDeleted = counts.evidenceDeleted();
        erasure.evidenceAnonymised = counts.evidenceAnonymised();
        erasure.attachmentsDeleted = counts.attachmentsDeleted();
        erasure.persist();
        audit.entry("erase", "practitioner", data.practitionerId()).about(data.practitionerId(), erasure.partnerships())
                .because("erasure request").details(counts.goals() + " goals and " + counts.evidenceAnonymised()
                        + " shared evidence anonymised, " + counts.evidenceDeleted() + " private evidence and "
                        + counts.attachmentsDeleted() + " attachments deleted")
                .record();
    }

    /**
     * In the consumer's one transaction: the survivor owns what the retired record owned and reviewed, so the person
     * signing in with the survivor's login finds their goals and evidence. Each goal that changed owner publishes
     * goal-updated ({@code ownerId}). A repeated event finds nothing left to move and changes nothing.
     */
    private void merge(PractitionerMergedData data) {
        if (data.retiredId() == null || data.survivorId() == null || data.retiredId().equals(data.survivorId())) {
            return;
        }
        MergeQueries.Moved moved = merges.moveTo(data.retiredId(), data.survivorId(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (moved.goals().isEmpty() && moved.evidence() == 0 && moved.reviews() == 0) {
            return;
        }
        for (UUID goal : moved.goals()) {
            publisher.goalUpdated(Goal.findById(goal), List.of("ownerId"));
        }
        audit.entry("merge", "practitioner", data.retiredId())
                .about(data.survivorId(), data.partnershipIds() == null ? Set.of() : data.partnershipIds())
                .because("practitioner merge").details(moved.goals().size() + " goals, " + moved.evidence()
                        + " evidence and " + moved.reviews() + " reviews moved to " + data.survivorId())
                .record();
    }
}
