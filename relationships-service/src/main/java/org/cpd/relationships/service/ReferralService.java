package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.cpd.commons.web.Problems;
import org.cpd.relationships.domain.Actor;
import org.cpd.relationships.domain.Form;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipStatus;

/**
 * DESIGN rule 8: a need for mentoring found in coaching is pursued outside it. A referral makes a
 * separate mentoring proposal for the same learner; the coaching relationship is not touched.
 */
@ApplicationScoped
public class ReferralService {

    @Inject
    RelationshipService relationships;

    /** What a referral produced. */
    public record Result(Referral referral, Relationship proposal) {
    }

    @Transactional
    public Result refer(ReferralRequest req, Actor actor) {
        Relationship from = relationships.get(req.fromRelationshipId(), actor);
        if (!from.isParticipant(actor)) {
            throw Problems.forbidden("Only a participant of the coaching relationship may refer from it");
        }
        if (from.form == Form.MENTORING) {
            throw Problems.conflict("referral-from-mentoring", "Referrals for mentoring come from coaching relationships");
        }
        if (from.status != RelationshipStatus.ACTIVE && from.status != RelationshipStatus.PAUSED) {
            throw Problems.conflict("relationship-not-active", "Referrals come from an active or paused relationship");
        }
        // the learner: the coaching learner, or in co-coaching the peer who is not referring
        var learner = from.learner().orElseGet(() -> from.participantIds().stream()
                .filter(id -> !actor.isPractitioner(id)).findFirst().orElseThrow());
        ProposeRelationship proposal = new ProposeRelationship(Form.MENTORING, req.purpose(), null, null,
                List.of(new ProposeRelationship.Party(req.mentorId(), ParticipantRole.SUPPORTER),
                        new ProposeRelationship.Party(learner, ParticipantRole.LEARNER)),
                req.plannedStart(), req.plannedEnd(), null);
        Relationship created = relationships.propose(proposal, actor, from.id);
        Referral referral = new Referral();
        referral.fromRelationship = from.id;
        referral.proposalId = created.id;
        referral.referredBy = actor.practitionerId();
        referral.reason = req.reason().strip();
        referral.persist();
        return new Result(referral, created);
    }
}
