package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;

/** Queries over conversations and their action points. */
@ApplicationScoped
public class ConversationRepository {

    /** Oldest first. */
    public List<Conversation> ofRelationship(UUID relationshipId) {
        return Conversation.list("relationshipId = ?1 order by startsAt", relationshipId);
    }

    public List<ActionPoint> actionsOf(UUID conversationId) {
        return ActionPoint.list("conversationId = ?1 order by createdAt", conversationId);
    }

    /**
     * A page of conversations of {@code relationshipId} (when given) and of relationships
     * {@code participant} takes part in (when given); {@code upcomingAfter} keeps planned ones not started yet.
     */
    public Page<Conversation> page(PageRequest page, UUID relationshipId, UUID participant, Instant upcomingAfter) {
        Criteria c = Criteria.where().and("relationshipId = :rid", "rid", relationshipId);
        if (participant != null) {
            c.and("relationshipId in (select p.relationship.id from Participant p where p.practitionerId = :me)", "me", participant);
        }
        if (upcomingAfter != null) {
            c.and("status = :planned", "planned", ConversationStatus.PLANNED).and("startsAt >= :now", "now", upcomingAfter);
        }
        return Paging.page(page, c, Conversation.class);
    }

    /** A page of {@code owner}'s action points; {@code open} true: not completed, false: completed, null: all. */
    public Page<ActionPoint> actionsOwnedBy(PageRequest page, UUID owner, Boolean open) {
        Criteria c = Criteria.where().and("ownerId = :me", "me", owner);
        if (Boolean.TRUE.equals(open)) {
            c.and("completedAt is null");
        } else if (Boolean.FALSE.equals(open)) {
            c.and("completedAt is not null");
        }
        return Paging.page(page, c, ActionPoint.class);
    }

    /** Open action points due by {@code today} that have not been announced yet. */
    public List<ActionPoint> dueUnannounced(LocalDate today) {
        return ActionPoint.list("completedAt is null and dueNotifiedAt is null and dueOn <= ?1", today);
    }
}
