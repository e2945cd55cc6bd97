package org.cpd.relationships.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.cpd.contracts.relationships.AgreementData;
import org.cpd.contracts.relationships.ParticipantData;
import org.cpd.contracts.relationships.RelationshipData;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.Relationship;

/**
 * Turns changes into outbox rows (same transaction as the change). Event data is built here and
 * only here, from fields chosen one by one: free text (reasons, summaries, notes) never leaves.
 */
@ApplicationScoped
public class RelationshipPublisher {

    static final String AGGREGATE = "relationship";

    @Inject
    Outbox outbox;

    /** {@code name} like "relationship-activated". */
    public void lifecycle(Relationship r, String name) {
        outbox.publish(AGGREGATE, r.id, name, data(r));
    }

    public void agreement(Relationship r, LearningAgreement a, String name) {
        List<java.util.UUID> signed = a.current().signatures.stream().map(s -> s.practitionerId).toList();
        outbox.publish(AGGREGATE, r.id, name,
                new AgreementData(r.id, a.currentVersion, signed, a.signedByAll(r.participantIds())));
    }

    public void publish(Relationship r, String name, Object data) {
        outbox.publish(AGGREGATE, r.id, name, data);
    }

    public static RelationshipData data(Relationship r) {
        return new RelationshipData(r.id, r.form.name(), r.status.name(),
                r.purpose == null ? null : r.purpose.name(), r.aspect,
                r.participants.stream()
                        .map(p -> new ParticipantData(p.practitionerId, p.role.name(), p.schoolUrn)).toList(),
                r.plannedStart, r.plannedEnd, r.activatedAt, r.endedAt,
                r.outcome == null ? null : r.outcome.name(), r.referredFrom,
                r.status == org.cpd.relationships.domain.RelationshipStatus.PROPOSED ? r.expiresAt : null);
    }
}
