package org.cpd.relationships.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.AgendaOwner;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.Setting;
import org.cpd.relationships.service.ConversationCommand;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A learning conversation as a participant plans or records it. */
@Schema(name = "ConversationInput")
public record ConversationInput(
        @Schema(description = "Required when creating: the relationship it belongs to.") UUID relationshipId,
        @Schema(description = "When it starts; in the future it is PLANNED, otherwise HELD.", examples = "2026-10-05T15:30:00Z") Instant startsAt,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @NotNull Setting setting,
        @Size(max = 20) @Schema(description = "Activity codes from GET /api/v1/activity-catalogue for the relationship's form.") List<@NotBlank String> activities,
        AgendaOwner agendaOwner,
        @Schema(description = "Who held the coach role (required for a held co-coaching conversation).") UUID coachId,
        @Size(max = 10000) @Schema(description = "Visible to participants and to school leads of their schools.") String sharedSummary,
        @Size(max = 20000) @Schema(description = "Readable by the relationship's participants only; never in lists or events.") String confidentialNotes,
        @Size(max = 20) List<@Valid ActionInput> actionPoints) {

    @Schema(name = "ActionPointInput")
    public record ActionInput(@NotBlank @Size(max = 2000) String description, @NotNull UUID ownerId, LocalDate dueOn) {
    }

    ConversationCommand toCommand() {
        return new ConversationCommand(relationshipId, new Conversation.Details(startsAt, durationMinutes, setting,
                activities, agendaOwner, coachId, sharedSummary, confidentialNotes),
                actionPoints == null ? null : actionPoints.stream()
                        .map(a -> new ConversationCommand.NewActionPoint(a.description(), a.ownerId(), a.dueOn())).toList());
    }
}
