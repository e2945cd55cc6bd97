package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.ProposalRules;
import org.cpd.relationships.domain.Referral;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipAccess;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SupportForm;

/**
 * docs/architecture.md#rule-8-referral-not-a-change-of-form: a need for mentoring found in
 * coaching is pursued outside it. A referral makes a separate mentoring proposal for the same
 * learner; the coaching relationship is not touched.
 */
@ApplicationScoped
public class ReferralService {

    @Inject
    RelationshipService relationships;

    /** A referral for mentoring from inside a coaching relationship. */
    public record ReferralCommand(UUID fromRelationshipId, UUID mentorId, MentoringPurpose purpose, String reason,
                                  LocalDate plannedStart, LocalDate plannedEnd) {
    }

    /** What a referral produced. */
    public record Result(Referral referral, Relationship proposal) {
    }

    @Transactional
    public Result refer(ReferralCommand cmd, Caller caller) {
        Relationship from = relationships.get(cmd.fromRelationshipId(), caller);
        if (!RelationshipAccess.isParticipant(caller, from)) {
            throw RuleViolation.forbidden("Only a participant of the coaching relationship may refer from it");
        }
        if (from.form == SupportForm.MENTORING) {
            throw RuleViolation.conflict("referral-from-mentoring", "Referrals for mentoring come from coaching relationships");
        }
        if (from.status != RelationshipStatus.ACTIVE && from.status != RelationshipStatus.PAUSED) {
            throw RuleViolation.conflict("relationship-not-active", "Referrals come from an active or paused relationship");
        }
        // the learner: the coaching learner, or in co-coaching the peer who is not referring
        UUID learner = from.learner().orElseGet(() -> from.participantIds().stream()
                .filter(id -> !caller.isSelf(id)).findFirst().orElseThrow());
        Proposal proposal = new Proposal(SupportForm.MENTORING, cmd.purpose(), null, null, null,
                List.of(new ProposalRules.Party(cmd.mentorId(), ParticipantRole.SUPPORTER),
                        new ProposalRules.Party(learner, ParticipantRole.LEARNER)),
                cmd.plannedStart(), cmd.plannedEnd(), null);
        Relationship created = relationships.propose(proposal, caller, from.id);
        Referral referral = Referral.of(from, created, caller.practitionerId(), cmd.reason());
        referral.persist();
        return new Result(referral, created);
    }
}
