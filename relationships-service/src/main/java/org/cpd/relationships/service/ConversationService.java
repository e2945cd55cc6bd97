package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipAccess;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.repository.ConversationRepository;
import org.cpd.relationships.repository.RelationshipRepository;

/** Learning conversations and their action points. */
@ApplicationScoped
public class ConversationService {

    @Inject
    RelationshipRepository relationships;

    @Inject
    ConversationRepository conversations;

    @Inject
    RelationshipService relationshipService;

    @Inject
    RelationshipPublisher events;

    @Inject
    AuditLog audit;

    /**
     * One conversation as the caller may see it: the confidential notes only for a participant
     * (docs/architecture.md#rule-3-confidential-reflection), null otherwise.
     */
    public record ConversationView(Conversation conversation, String notesOrNull, List<ActionPoint> actionPoints) {
    }

    @Transactional
    public ConversationView create(ConversationCommand cmd, Caller caller) {
        if (cmd.relationshipId() == null) {
            throw RuleViolation.invalidField("relationshipId", "must not be null");
        }
        if (cmd.details().startsAt() == null) {
            throw RuleViolation.invalidField("startsAt", "must not be null");
        }
        Relationship r = relationshipService.get(cmd.relationshipId(), caller);
        Conversation c = Conversation.of(r, cmd.details(), caller, TrackedEntity.now());
        c.persist();
        if (c.status == ConversationStatus.HELD) {
            events.conversationRecorded(r, c);
        } else {
            events.conversationPlanned(r, c);
        }
        addActions(r, c, cmd);
        return view(r, c, caller);
    }

    @Transactional
    public ConversationView record(UUID id, ConversationCommand cmd, Caller caller) {
        Conversation c = find(id);
        Relationship r = relationshipService.get(c.relationshipId, caller);
        c.record(r, cmd.details(), caller);
        events.conversationRecorded(r, c);
        addActions(r, c, cmd);
        return view(r, c, caller);
    }

    private void addActions(Relationship r, Conversation c, ConversationCommand cmd) {
        cmd.actionPoints().forEach(a -> {
            ActionPoint set = ActionPoint.of(r, c, a.description(), a.ownerId(), a.dueOn());
            set.persist();
            events.actionPointSet(r, set);
        });
    }

    /** Visible to whoever may see the relationship; reads by non-participants are audited. */
    @Transactional
    public ConversationView get(UUID id, Caller caller) {
        Conversation c = find(id);
        Relationship r = relationshipService.get(c.relationshipId, caller);
        auditRead(r, c, caller);
        return view(r, c, caller);
    }

    /**
     * One entry per learner or peer whose conversation it is (a co-coaching conversation is each peer's),
     * so each can see who read it; a caller's read of their own is about the others only.
     */
    private void auditRead(Relationship r, Conversation c, Caller caller) {
        String details = RelationshipAccess.isParticipant(caller, r) ? "participant" : "without confidential notes";
        Set<UUID> partnerships = relationshipService.partnershipsOf(r);
        List<UUID> owners = r.participants.stream().filter(p -> p.role != ParticipantRole.SUPPORTER)
                .map(p -> p.practitionerId).filter(id -> !caller.isSelf(id)).toList();
        if (owners.isEmpty()) {
            audit.entry("read", "conversation", c.id).in(partnerships).details(details).record();
        }
        for (UUID owner : owners) {
            audit.entry("read", "conversation", c.id).about(owner, partnerships).details(details).record();
        }
    }

    private ConversationView view(Relationship r, Conversation c, Caller caller) {
        return new ConversationView(c, c.notesFor(r, caller), conversations.actionsOf(c.id));
    }

    /**
     * Conversations of {@code relationshipId} (which the caller must see) and/or of the caller's own
     * relationships ({@code mine}); {@code upcoming}: planned ones not started yet. Never the notes.
     */
    public Page<Conversation> list(Caller caller, UUID relationshipId, boolean mine, boolean upcoming, PageRequest page) {
        if (relationshipId != null) {
            relationshipService.get(relationshipId, caller);
        }
        UUID me = mine ? caller.practitioner().orElseThrow(() -> RuleViolation.forbidden("The token names no practitioner"))
                : null;
        return conversations.page(page, relationshipId, me, upcoming ? TrackedEntity.now() : null);
    }

    private Conversation find(UUID id) {
        return Conversation.<Conversation>findByIdOptional(id).orElseThrow(() -> RuleViolation.notFound("conversation", id));
    }

    // ---- action points --------------------------------------------------------------------

    /** The caller's own action points; {@code open} true: not completed, false: completed, null: all. */
    public Page<ActionPoint> myActions(Caller caller, Boolean open, PageRequest page) {
        UUID me = caller.practitioner().orElseThrow(() -> RuleViolation.forbidden("The token names no practitioner"));
        return conversations.actionsOwnedBy(page, me, open);
    }

    @Transactional
    public ActionPoint complete(UUID actionId, Caller caller) {
        ActionPoint a = ActionPoint.<ActionPoint>findByIdOptional(actionId)
                .orElseThrow(() -> RuleViolation.notFound("action point", actionId));
        Relationship r = relationshipService.get(a.relationshipId, caller);
        a.complete(r, caller, TrackedEntity.now());
        events.actionPointCompleted(r, a);
        return a;
    }

    /** Publishes action-due once for each open action point whose due date has come. */
    @Transactional
    public int announceDueActions(Instant now) {
        List<ActionPoint> due = conversations.dueUnannounced(LocalDate.ofInstant(now, ZoneOffset.UTC));
        for (ActionPoint a : due) {
            a.dueNotifiedAt = now;
            Relationship r = relationships.find(a.relationshipId).orElseThrow();
            events.actionDue(r, a);
        }
        return due.size();
    }
}
