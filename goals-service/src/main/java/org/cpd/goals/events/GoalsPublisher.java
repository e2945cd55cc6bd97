package org.cpd.goals.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.contracts.goals.EvidenceAddedData;
import org.cpd.contracts.goals.EvidenceAttachmentData;
import org.cpd.contracts.goals.EvidenceLinkedData;
import org.cpd.contracts.goals.GoalReviewedData;
import org.cpd.contracts.goals.GoalSetData;
import org.cpd.contracts.goals.GoalStatusChangedData;
import org.cpd.contracts.goals.GoalUpdatedData;
import org.cpd.contracts.goals.GoalsEvents;
import org.cpd.contracts.goals.StandardsFrameworkData;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.Standard;
import org.cpd.goals.domain.StandardsFramework;
import org.cpd.goals.domain.Visibility;

/**
 * Every event goals-service publishes, built here from the {@link GoalsEvents} contract and written
 * to the outbox in the caller's transaction. Data carries ids, enums and dates only: never a goal's
 * text, evidence content or reflections; private items say no more than that they exist.
 */
@ApplicationScoped
public class GoalsPublisher {

    private static final String GOAL = "goal";
    private static final String EVIDENCE = "evidence";
    private static final String STANDARDS_FRAMEWORK = "standards-framework";

    @Inject
    Outbox outbox;

    public void goalSet(Goal goal) {
        publish(GOAL, goal.id, GoalsEvents.GOAL_SET, new GoalSetData(goal.id, goal.ownerId, goal.setBy.name(),
                goal.status.name(), goal.visibility.name(),
                sharedRelationships(goal), goal.targetDate, goal.supersedes));
    }

    /** @param changedFields names of the edited fields (never their values) */
    public void goalUpdated(Goal goal, List<String> changedFields) {
        publish(GOAL, goal.id, GoalsEvents.GOAL_UPDATED, new GoalUpdatedData(goal.id, goal.ownerId, goal.setBy.name(),
                goal.priority.name(), goal.status.name(), goal.visibility.name(), sharedRelationships(goal),
                goal.targetDate, List.copyOf(changedFields)));
    }

    public void goalStatusChanged(Goal goal, GoalStatus from) {
        publish(GOAL, goal.id, GoalsEvents.GOAL_STATUS_CHANGED, new GoalStatusChangedData(goal.id, goal.ownerId,
                from.name(), goal.status.name(), goal.supersededBy, goal.statusChangedAt));
    }

    public void goalReviewed(Goal goal, GoalReview review) {
        LocalDate nextDue = review.actions.stream().map(a -> a.dueOn).min(Comparator.naturalOrder()).orElse(null);
        publish(GOAL, goal.id, GoalsEvents.GOAL_REVIEWED, new GoalReviewedData(review.id, goal.id, goal.ownerId,
                review.reviewerId, review.reviewedOn, review.progress.name(), review.actions.size(), nextDue));
    }

    public void evidenceAdded(Evidence e) {
        EvidenceAddedData data;
        if (e.visibility == Visibility.PRIVATE) {
            data = new EvidenceAddedData(e.id, e.ownerId, e.visibility.name(), e.occurredOn, null, List.of(), List.of());
        } else {
            List<String> codes = e.standardIds.stream().map(id -> Standard.<Standard>findById(id))
                    .map(s -> s.framework.code + ":" + s.code).sorted().toList();
            data = new EvidenceAddedData(e.id, e.ownerId, e.visibility.name(), e.occurredOn, e.type.name(),
                    e.goalIds.stream().sorted().toList(), codes);
        }
        publish(EVIDENCE, e.id, GoalsEvents.EVIDENCE_ADDED, data);
    }

    /** Only for shared evidence: private evidence's links stay private too. */
    public void evidenceLinked(Evidence e, UUID goalId) {
        if (e.visibility != Visibility.PRIVATE) {
            publish(EVIDENCE, e.id, GoalsEvents.EVIDENCE_LINKED, new EvidenceLinkedData(e.id, goalId, e.ownerId));
        }
    }

    /** Keyed by the evidence, so a file's events stay in order with the rest of its evidence's. */
    public void evidenceAttachmentAdded(Evidence e, Attachment a) {
        publish(EVIDENCE, e.id, GoalsEvents.EVIDENCE_ATTACHMENT_ADDED, new EvidenceAttachmentData(a.id, e.id, e.ownerId));
    }

    public void evidenceAttachmentRemoved(Evidence e, Attachment a) {
        publish(EVIDENCE, e.id, GoalsEvents.EVIDENCE_ATTACHMENT_REMOVED, new EvidenceAttachmentData(a.id, e.id, e.ownerId));
    }

    public void standardsFrameworkCreated(StandardsFramework f) {
        publish(STANDARDS_FRAMEWORK, f.id, GoalsEvents.STANDARDS_FRAMEWORK_CREATED,
                new StandardsFrameworkData(f.id, f.code, f.standards.stream().map(s -> s.code).toList()));
    }

    private static List<UUID> sharedRelationships(Goal goal) {
        return goal.visibility == Visibility.PRIVATE ? List.of() : goal.relationshipIds.stream().sorted().toList();
    }

    private void publish(String aggregateType, UUID aggregateId, String type, Object data) {
        outbox.publishType(aggregateType, aggregateId, type, data);
    }
}
