package org.cpd.relationships.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.service.ParticipantService;
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
    public record FormCapacity(SupportForm form, int capacity, boolean paused, long load, long free) {
    }

    static ParticipantView from(ParticipantService.KnownParticipant known) {
        KnownPractitioner p = known.practitioner();
        return new ParticipantView(p.id, p.active, p.schoolUrn, p.organisationId, List.of(p.partnershipIds),
                known.capacity().stream().map(c -> new FormCapacity(c.form(), c.capacity(), c.paused(), c.load(), c.free()))
                        .toList(),
                p.version, p.updatedAt);
    }
}
