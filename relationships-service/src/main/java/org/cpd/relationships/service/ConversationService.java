package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.contracts.relationships.ActionDueData;
import org.cpd.contracts.relationships.ConversationData;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.Problems;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Actor;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.persistence.RelationshipRepository;

/** Learning conversations and their action points. */
@ApplicationScoped
public class ConversationService {

    @Inject
    RelationshipRepository relationships;

    @Inject
    RelationshipService relationshipService;

    @Inject
    RelationshipPublisher events;

    @Inject
    AuditLog audit;

    @Transactional
    public Conversation create(ConversationInput in, Actor actor) {
        if (in.relationshipId() == null) {
            throw Problems.invalidField("relationshipId", "must not be null");
        }
        if (in.startsAt() == null) {
            throw Problems.invalidField("startsAt", "must not be null");
        }
        Relationship r = relationshipService.get(in.relationshipId(), actor);
        Conversation c = Conversation.of(r, in.details(), actor, TrackedEntity.now());
        c.persist();
        addActions(r, c, in);
        if (c.status == ConversationStatus.HELD) {
            recorded(r, c);
        }
        return c;
    }

    @Transactional
    public Conversation record(UUID id, ConversationInput in, Actor actor) {
        Conversation c = find(id);
        Relationship r = relationshipService.get(c.relationshipId, actor);
        c.record(r, in.details(), actor);
        addActions(r, c, in);
        recorded(r, c);
        return c;
    }

    private void addActions(Relationship r, Conversation c, ConversationInput in) {
        if (in.actionPoints() != null) {
            in.actionPoints().forEach(a -> ActionPoint.of(r, c, a.description(), a.ownerId(), a.dueOn()).persist());
        }
    }

    /** The event credits the supporter's time; it carries no summary and no notes. */
    private void recorded(Relationship r, Conversation c) {
        UUID supporter = r.supporter().orElse(c.coachId);
        events.publish(r, "conversation-recorded", new ConversationData(c.id, r.id, r.form.name(), c.startsAt,
                c.durationMinutes, supporter, c.coachId, r.participantIds(),
                c.agendaOwner == null ? null : c.agendaOwner.name(), List.of(c.activities)));
    }

    /** Visible to whoever may see the relationship; reads by non-participants are audited. */
    @Transactional
    public Conversation get(UUID id, Actor actor) {
        Conversation c = find(id);
        Relationship r = relationshipService.get(c.relationshipId, actor);
        audit.record("read", "conversation", c.id, r.isParticipant(actor) ? "participant" : "without confidential notes");
        return c;
    }

    public Conversation find(UUID id) {
        return Conversation.<Conversation>findByIdOptional(id).orElseThrow(() -> Problems.notFound("conversation", id));
    }

    @Transactional
    public ActionPoint complete(UUID actionId, Actor actor) {
        ActionPoint a = ActionPoint.<ActionPoint>findByIdOptional(actionId)
                .orElseThrow(() -> Problems.notFound("action point", actionId));
        Relationship r = relationshipService.get(a.relationshipId, actor);
        a.complete(r, actor, TrackedEntity.now());
        return a;
    }

    /** Publishes action-due once for each open action point whose due date has come. */
    @Transactional
    public int announceDueActions(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ActionPoint> due = ActionPoint.list("completedAt is null and dueNotifiedAt is null and dueOn <= ?1", today);
        for (ActionPoint a : due) {
            a.dueNotifiedAt = now;
            Relationship r = relationships.find(a.relationshipId).orElseThrow();
            events.publish(r, "action-due", new ActionDueData(a.id, r.id, a.ownerId, a.dueOn));
        }
        return due.size();
    }
}
