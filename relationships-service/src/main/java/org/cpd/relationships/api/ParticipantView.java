package org.cpd.relationships.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.Form;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What this service knows of a practitioner from the directory, and their current load. */
@Schema(name = "KnownParticipant")
public record ParticipantView(
        UUID practitionerId,
        boolean active,
        String schoolUrn,
        UUID organisationId,
        List<UUID> partnershipIds,
        List<FormCapacity> capacity,
        long version,
        Instant updatedAt) {

    @Schema(name = "FormCapacity", description = "Declared capacity and current load (pending and active relationships) for one form.")
    public record FormCapacity(Form form, int capacity, boolean paused, long load, long free) {
    }
}
