package org.cpd.relationships.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.Conversation;

/**
 * A conversation as a participant plans or records it, with the action points agreed in it.
 *
 * @param relationshipId required when creating; ignored when recording a planned one
 */
public record ConversationCommand(UUID relationshipId, Conversation.Details details, List<NewActionPoint> actionPoints) {

    public ConversationCommand {
        actionPoints = actionPoints == null ? List.of() : List.copyOf(actionPoints);
    }

    /** Something a participant is to do, by a date. */
    public record NewActionPoint(String description, UUID ownerId, LocalDate dueOn) {
    }
}
