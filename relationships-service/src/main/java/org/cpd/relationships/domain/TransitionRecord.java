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

/** One step of a relationship's history: who did what, when, and why when it ended something. */
@Entity
@Table(name = "relationship_transition")
public class TransitionRecord {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "relationship_id")
    public Relationship relationship;

    @Enumerated(EnumType.STRING)
    public Transition action;

    @Enumerated(EnumType.STRING)
    public RelationshipStatus fromStatus;

    @Enumerated(EnumType.STRING)
    public RelationshipStatus toStatus;

    public String actor;

    public String reason;

    public Instant at;

    protected TransitionRecord() {
    }

    TransitionRecord(Relationship r, Transition action, RelationshipStatus from, RelationshipStatus to,
                     String actor, String reason, Instant at) {
        this.id = UUID.randomUUID();
        this.relationship = r;
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.reason = reason;
        this.at = at;
    }
}
