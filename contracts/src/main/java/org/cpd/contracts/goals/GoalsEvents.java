package org.cpd.contracts.goals;

/**
 * CloudEvent types published by goals-service on {@link #TOPIC}. Event data carries ids, enums
 * and dates only: never a goal's text, evidence content or reflections, whatever the visibility.
 */
public final class GoalsEvents {

    public static final String TOPIC = "cpd.goals.events";
    public static final String SOURCE = "/cpd/goals-service";

    /** Data: {@link GoalSetData}. A goal was created (as a draft or as the successor of a revised goal). */
    public static final String GOAL_SET = "cpd.goals.goal-set.v1";
    /**
     * Data: {@link GoalUpdatedData}. A goal's content, target date, priority, self-direction or sharing
     * was edited (PUT or PATCH); an edit that changes nothing publishes nothing.
     */
    public static final String GOAL_UPDATED = "cpd.goals.goal-updated.v1";
    /** Data: {@link GoalStatusChangedData}. */
    public static final String GOAL_STATUS_CHANGED = "cpd.goals.goal-status-changed.v1";
    /** Data: {@link GoalReviewedData}. */
    public static final String GOAL_REVIEWED = "cpd.goals.goal-reviewed.v1";
    /** Data: {@link EvidenceAddedData}. */
    public static final String EVIDENCE_ADDED = "cpd.goals.evidence-added.v1";
    /** Data: {@link EvidenceLinkedData}. */
    public static final String EVIDENCE_LINKED = "cpd.goals.evidence-linked.v1";
    /** Data: {@link EvidenceAttachmentData}. Keyed by the evidence, so it stays in order with its other events. */
    public static final String EVIDENCE_ATTACHMENT_ADDED = "cpd.goals.evidence-attachment-added.v1";
    /** Data: {@link EvidenceAttachmentData}. Keyed by the evidence. */
    public static final String EVIDENCE_ATTACHMENT_REMOVED = "cpd.goals.evidence-attachment-removed.v1";
    /** Data: {@link StandardsFrameworkData}. */
    public static final String STANDARDS_FRAMEWORK_CREATED = "cpd.goals.standards-framework-created.v1";

    private GoalsEvents() {
    }
}
