package org.cpd.relationships.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.contracts.relationships.ActionDueData;
import org.cpd.contracts.relationships.ActionPointData;
import org.cpd.contracts.relationships.AgreementData;
import org.cpd.contracts.relationships.ConversationData;
import org.cpd.contracts.relationships.ConversationPlannedData;
import org.cpd.contracts.relationships.ParticipantData;
import org.cpd.contracts.relationships.PartnershipSettingData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;

/**
 * The one publisher of this service: turns changes into outbox rows (same transaction as the
 * change), one method per event type of {@link RelationshipEvents}, save the lifecycle moves: they
 * share one payload, so one method takes their type. Event data is built here and only here, from
 * fields chosen one by one: free text (reasons, summaries, notes) never leaves.
 * Every event is keyed by the relationship id, so one relationship's events stay in order.
 */
@ApplicationScoped
public class RelationshipPublisher {

    static final String AGGREGATE = "relationship";
    static final String PARTNERSHIP_SETTING = "partnership-setting";

    /** The event types whose data is the whole relationship ({@link RelationshipData}). */
    static final Set<String> LIFECYCLE = Set.of(RelationshipEvents.PROPOSED, RelationshipEvents.ACCEPTED,
            RelationshipEvents.DECLINED, RelationshipEvents.WITHDRAWN, RelationshipEvents.ACTIVATED, RelationshipEvents.PAUSED,
            RelationshipEvents.RESUMED, RelationshipEvents.CLOSED, RelationshipEvents.EXPIRED, RelationshipEvents.PROPOSAL_REMINDER);

    @Inject
    Outbox outbox;

    public void agreementVersioned(Relationship r, LearningAgreement a) {
        agreement(r, a, RelationshipEvents.AGREEMENT_VERSIONED);
    }

    public void agreementSigned(Relationship r, LearningAgreement a) {
        agreement(r, a, RelationshipEvents.AGREEMENT_SIGNED);
    }

    /** Credits the supporter's time: who coached, how long, which activities; no summary, no notes. */
    public void conversationRecorded(Relationship r, Conversation c) {
        UUID supporter = r.supporter().orElse(c.coachId);
        publish(r, RelationshipEvents.CONVERSATION_RECORDED, new ConversationData(c.id, r.id, r.form.name(),
                c.startsAt, c.durationMinutes, supporter, c.coachId, r.participantIds(),
                c.agendaOwner == null ? null : c.agendaOwner.name(), List.of(c.activities)));
    }

    /** A conversation planned ahead: when, and with whom; what it is about comes only when it is held. */
    public void conversationPlanned(Relationship r, Conversation c) {
        publish(r, RelationshipEvents.CONVERSATION_PLANNED,
                new ConversationPlannedData(c.id, r.id, r.form.name(), c.startsAt, r.participantIds()));
    }

    public void actionPointSet(Relationship r, ActionPoint a) {
        publish(r, RelationshipEvents.ACTION_POINT_SET, actionPoint(a));
    }

    public void actionPointCompleted(Relationship r, ActionPoint a) {
        publish(r, RelationshipEvents.ACTION_POINT_COMPLETED, actionPoint(a));
    }

    /** Keyed by the partnership: the setting is the partnership's, not a relationship's. */
    public void partnershipSettingChanged(UUID partnershipId, boolean allowsCrossPartnership) {
        outbox.publishType(PARTNERSHIP_SETTING, partnershipId, RelationshipEvents.PARTNERSHIP_SETTING_CHANGED,
                new PartnershipSettingData(partnershipId, allowsCrossPartnership));
    }

    private static ActionPointData actionPoint(ActionPoint a) {
        return new ActionPointData(a.id, a.relationshipId, a.conversationId, a.ownerId, a.dueOn, a.completedAt);
    }

    public void actionDue(Relationship r, ActionPoint a) {
        publish(r, RelationshipEvents.ACTION_DUE, new ActionDueData(a.id, r.id, a.ownerId, a.dueOn));
    }

    /** A move of the relationship's lifecycle ({@code type}, one of {@link #LIFECYCLE}): the relationship as it now stands. */
    public void lifecycle(Relationship r, String type) {
        if (!LIFECYCLE.contains(type)) {
            throw new IllegalArgumentException(type + " is not a relationship lifecycle event");
        }
        publish(r, type, new RelationshipData(r.id, r.form.name(), r.status.name(),
                r.purpose == null ? null : r.purpose.name(), r.aspect,
                r.participants.stream()
                        .map(p -> new ParticipantData(p.practitionerId, p.role.name(), p.schoolUrn)).toList(),
                r.plannedStart, r.plannedEnd, r.activatedAt, r.endedAt,
                r.outcome == null ? null : r.outcome.name(), r.referredFrom,
                r.status == RelationshipStatus.PROPOSED ? r.expiresAt : null));
    }

    private void agreement(Relationship r, LearningAgreement a, String type) {
        List<UUID> signed = a.current().signatures.stream().map(s -> s.practitionerId).toList();
        publish(r, type, new AgreementData(r.id, a.currentVersion, signed, a.signedByAll(r.participantIds())));
    }

    private void publish(Relationship r, String type, Object data) {
        outbox.publishType(AGGREGATE, r.id, type, data);
    }
}
