package org.cpd.relationships.domain;

import jakarta.persistence.Column;
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

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    /** The practitioner's school when proposed: decides which school leads may act. */
    @Column(name = "school_urn")
    public String schoolUrn;

    @Column(name = "accepted_at")
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
