package org.cpd.relationships.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.AgendaOwner;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.ConversationStatus;
import org.cpd.relationships.domain.Setting;
import org.cpd.relationships.service.ConversationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One conversation. {@code confidentialNotes} is filled only for a participant of the
 * relationship (docs/architecture.md#rule-3-confidential-reflection); lists use {@link #listed} which never carries it.
 */
@Schema(name = "Conversation")
public record ConversationDto(
        UUID id,
        UUID relationshipId,
        ConversationStatus status,
        Instant startsAt,
        int durationMinutes,
        Setting setting,
        List<String> activities,
        AgendaOwner agendaOwner,
        UUID coachId,
        String sharedSummary,
        @Schema(description = "Only in GET /conversations/{id} and only for the relationship's participants; absent otherwise.")
        String confidentialNotes,
        @Schema(description = "Whether confidential notes exist (their content is for participants only).") boolean hasConfidentialNotes,
        List<ActionPointDto> actionPoints,
        String recordedBy,
        long version,
        Instant updatedAt) {

    public static ConversationDto detail(ConversationService.ConversationView view) {
        Conversation c = view.conversation();
        String notesOrNull = view.notesOrNull();
        List<ActionPoint> actions = view.actionPoints();
        return new ConversationDto(c.id, c.relationshipId, c.status, c.startsAt, c.durationMinutes, c.setting,
                List.of(c.activities), c.agendaOwner, c.coachId, c.sharedSummary, notesOrNull, c.hasConfidentialNotes(),
                actions.stream().map(ActionPointDto::from).toList(), c.recordedBy, c.version, c.updatedAt);
    }

    /** For lists: never the notes. */
    public static ConversationDto listed(Conversation c) {
        return new ConversationDto(c.id, c.relationshipId, c.status, c.startsAt, c.durationMinutes, c.setting,
                List.of(c.activities), c.agendaOwner, c.coachId, c.sharedSummary, null, c.hasConfidentialNotes(),
                null, c.recordedBy, c.version, c.updatedAt);
    }
}
