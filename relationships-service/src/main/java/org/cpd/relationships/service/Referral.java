package org.cpd.relationships.service;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** The record that a coaching relationship referred its learner for mentoring. */
@Entity
@Table(name = "referral")
public class Referral extends TrackedEntity {

    @Column(name = "from_relationship", nullable = false)
    public UUID fromRelationship;

    @Column(name = "proposal_id", nullable = false)
    public UUID proposalId;

    @Column(name = "referred_by", nullable = false)
    public UUID referredBy;

    @Column(nullable = false)
    public String reason;
}
