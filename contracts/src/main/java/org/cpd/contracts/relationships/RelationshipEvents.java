package org.cpd.contracts.relationships;

/**
 * CloudEvent types published by relationships-service on {@link #TOPIC} (subject and key = the
 * relationship id, so one relationship's events stay in order). Confidential conversation notes,
 * shared summaries and free-text reasons are never part of any event.
 */
public final class RelationshipEvents {

    public static final String TOPIC = "cpd.relationships.events";
    public static final String SOURCE = "/cpd/relationships-service";

    /** Data: {@link RelationshipData} for all relationship-* lifecycle events. */
    public static final String PROPOSED = "cpd.relationships.relationship-proposed.v1";
    public static final String ACCEPTED = "cpd.relationships.relationship-accepted.v1";
    public static final String ACTIVATED = "cpd.relationships.relationship-activated.v1";
    public static final String PAUSED = "cpd.relationships.relationship-paused.v1";
    public static final String RESUMED = "cpd.relationships.relationship-resumed.v1";
    public static final String CLOSED = "cpd.relationships.relationship-closed.v1";
    public static final String DECLINED = "cpd.relationships.relationship-declined.v1";
    public static final String WITHDRAWN = "cpd.relationships.relationship-withdrawn.v1";
    public static final String EXPIRED = "cpd.relationships.relationship-expired.v1";
    public static final String PROPOSAL_REMINDER = "cpd.relationships.relationship-proposal-reminder.v1";
    /** Data: {@link AgreementData}. */
    public static final String AGREEMENT_VERSIONED = "cpd.relationships.relationship-agreement-versioned.v1";
    public static final String AGREEMENT_SIGNED = "cpd.relationships.relationship-agreement-signed.v1";
    /** Data: {@link ConversationData} (subject/key = relationship id). */
    public static final String CONVERSATION_RECORDED = "cpd.relationships.conversation-recorded.v1";
    /** Data: {@link ConversationPlannedData} (subject/key = relationship id). */
    public static final String CONVERSATION_PLANNED = "cpd.relationships.conversation-planned.v1";
    /** Data: {@link ActionPointData} (subject/key = relationship id). */
    public static final String ACTION_POINT_SET = "cpd.relationships.action-point-set.v1";
    public static final String ACTION_POINT_COMPLETED = "cpd.relationships.action-point-completed.v1";
    /** Data: {@link PartnershipSettingData} (subject/key = partnership id). */
    public static final String PARTNERSHIP_SETTING_CHANGED = "cpd.relationships.partnership-setting-changed.v1";
    /** Data: {@link ActionDueData} (subject/key = relationship id). */
    public static final String ACTION_DUE = "cpd.relationships.action-due.v1";

    private RelationshipEvents() {
    }
}
