package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One party to a relationship, with the role they hold and when they accepted the proposal. */
@Entity
@Table(name = "relationship_participant")
public class Participant {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "relationship_id")
    public Relationship relationship;

    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    public ParticipantRole role;

    /** The practitioner's school when proposed: decides which school leads may act. */
    public String schoolUrn;

    public Instant acceptedAt;

    protected Participant() {
    }

    Participant(Relationship relationship, UUID practitionerId, ParticipantRole role, String schoolUrn) {
        this.id = UUID.randomUUID();
        this.relationship = relationship;
        this.practitionerId = practitionerId;
        this.role = role;
        this.schoolUrn = schoolUrn;
    }

    public boolean accepted() {
        return acceptedAt != null;
    }
}
