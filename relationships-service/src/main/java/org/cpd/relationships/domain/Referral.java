package org.cpd.relationships.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** The record that a coaching relationship referred its learner for mentoring. */
@Entity
@Table(name = "referral")
public class Referral extends TrackedEntity {

    public UUID fromRelationship;

    public UUID proposalId;

    public UUID referredBy;

    public String reason;

    /** docs/architecture.md#rule-8-referral-not-a-change-of-form: the coaching stays as it is; the proposal is separate. */
    public static Referral of(Relationship from, Relationship proposal, java.util.UUID by, String reason) {
        Referral referral = new Referral();
        referral.fromRelationship = from.id;
        referral.proposalId = proposal.id;
        referral.referredBy = by;
        referral.reason = reason.strip();
        return referral;
    }
}
