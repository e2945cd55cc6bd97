package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.relationships.domain.ActionPoint;
import org.cpd.relationships.domain.Conversation;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.Person;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.SubjectDataAccess;
import org.cpd.relationships.repository.ConversationRepository;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.cpd.relationships.repository.RelationshipRepository;
import org.cpd.relationships.repository.SubjectQueries;

/**
 * Subject access: the relationships a person took part in, their agreements, conversations and action points,
 * for the person or an admin of one of their partnerships (anyone else: 404). Audited (docs/data-protection.md).
 */
@ApplicationScoped
public class SubjectAccessService {

    /** The service's part of a person's data; {@code confidentialNotesIncluded} says whether notes were given. */
    public record SubjectData(UUID practitionerId, KnownPractitioner known, List<Relationship> relationships,
                              List<AgreementState> agreements, List<ConversationService.ConversationView> conversations,
                              List<ActionPoint> actionPointsOwned, boolean confidentialNotesIncluded) {
    }

    @Inject
    DirectoryReadModel readModel;

    @Inject
    SubjectQueries queries;

    @Inject
    RelationshipRepository relationships;

    @Inject
    ConversationRepository conversations;

    @Inject
    AuditLog audit;

    @Transactional
    public SubjectData export(SubjectRef subject, Caller caller) {
        UUID id = subject.person(caller.practitionerId());
        Optional<KnownPractitioner> known = readModel.practitioner(id);
        Optional<Person> person = known.map(KnownPractitioner::toPerson);
        if (!SubjectDataAccess.mayExport(caller, id, person)) {
            throw RuleViolation.notFound("practitioner", id);
        }
        boolean notes = SubjectDataAccess.includesConfidentialNotes(caller, id);
        List<Relationship> theirs = queries.relationshipsOf(id);
        List<AgreementState> agreements = new ArrayList<>();
        List<ConversationService.ConversationView> held = new ArrayList<>();
        for (Relationship r : theirs) {
            relationships.agreementOf(r.id).ifPresent(a -> agreements.add(new AgreementState(a, a.current(), r.participantIds())));
            for (Conversation c : conversations.ofRelationship(r.id)) {
                held.add(new ConversationService.ConversationView(c, notes ? c.notesFor(r, caller) : null,
                        conversations.actionsOf(c.id)));
            }
        }
        Set<UUID> partnerships = person.map(Person::partnershipIds).orElse(Set.of());
        audit.subjectExport(id, caller).about(id, partnerships).record();
        return new SubjectData(id, known.orElse(null), theirs, agreements, held, queries.actionPointsOwnedBy(id), notes);
    }
}
