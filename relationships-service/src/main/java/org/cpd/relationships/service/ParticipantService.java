package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.FormLoad;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.ParticipantAccess;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.cpd.relationships.repository.RelationshipRepository;

/** What this service knows of a practitioner from directory events, and their current load. */
@ApplicationScoped
public class ParticipantService {

    @Inject
    DirectoryReadModel readModel;

    @Inject
    RelationshipRepository relationships;

    /** The practitioner with their declared capacity and current load per form. */
    public record KnownParticipant(KnownPractitioner practitioner, List<FormLoad> capacity) {
    }

    /** 404 for a practitioner nobody told this service about, and for callers {@link ParticipantAccess} does not let see them. */
    public KnownParticipant participant(UUID practitionerId, Caller caller) {
        KnownPractitioner p = readModel.practitioner(practitionerId)
                .filter(known -> ParticipantAccess.canSee(caller, known.toPerson(),
                        caller.practitioner().flatMap(readModel::practitioner).map(KnownPractitioner::toPerson)))
                .orElseThrow(() -> RuleViolation.notFound("practitioner", practitionerId));
        Map<SupportForm, Long> load = relationships.loadBySupporter(practitionerId);
        List<FormLoad> capacity = readModel.capacities(practitionerId).values().stream()
                .map(c -> new FormLoad(c.form(), c.capacity(), c.paused(), load.getOrDefault(c.form(), 0L)))
                .toList();
        return new KnownParticipant(p, capacity);
    }
}
