package org.cpd.relationships.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.cpd.relationships.domain.ActionPoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActionPoint")
public record ActionPointDto(UUID id, UUID relationshipId, UUID conversationId, String description, UUID ownerId,
                             LocalDate dueOn, Instant completedAt, boolean open, long version, Instant updatedAt) {

    public static ActionPointDto from(ActionPoint a) {
        return new ActionPointDto(a.id, a.relationshipId, a.conversationId, a.description, a.ownerId, a.dueOn,
                a.completedAt, a.completedAt == null, a.version, a.updatedAt);
    }
}
