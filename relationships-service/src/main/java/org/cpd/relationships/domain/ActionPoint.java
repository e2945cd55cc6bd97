package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;

/** Something a participant agreed to do after a conversation, by a date. */
@Entity
@Table(name = "action_point")
public class ActionPoint extends TrackedEntity {

    public UUID conversationId;

    public UUID relationshipId;

    public String description;

    public UUID ownerId;

    public LocalDate dueOn;

    public Instant completedAt;

    public Instant dueNotifiedAt;

    public static ActionPoint of(Relationship r, Conversation c, String description, UUID owner, LocalDate dueOn) {
        if (r.participant(owner).isEmpty()) {
            throw RuleViolation.invalidField("actionPoints.ownerId", "the owner must be a participant of the relationship");
        }
        ActionPoint a = new ActionPoint();
        a.id = UUID.randomUUID();
        a.conversationId = c.id;
        a.relationshipId = r.id;
        a.description = description;
        a.ownerId = owner;
        a.dueOn = dueOn;
        return a;
    }

    public void complete(Relationship r, Caller actor, Instant now) {
        if (!RelationshipAccess.isParticipant(actor, r)) {
            throw RuleViolation.forbidden("Only the relationship's participants complete its action points");
        }
        if (completedAt != null) {
            throw RuleViolation.conflict("action-already-completed", "This action point was completed at " + completedAt);
        }
        completedAt = now;
    }
}
