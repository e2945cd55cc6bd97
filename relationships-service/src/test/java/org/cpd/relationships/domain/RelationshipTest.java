package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpd.relationships.domain.Fixtures.*;

import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.junit.jupiter.api.Test;

class RelationshipTest {

    private static final Caller COACH = practitioner(MENTOR);
    private static final Caller LEARNER = practitioner(TEACHER);

    /** The coach accepts the proposal and signs the first version; the learner has not signed yet. */
    private static LearningAgreement acceptedAndSignedByTheCoach(Relationship r) {
        r.accept(COACH, T0);
        LearningAgreement a = agreementFor(r);
        a.sign(1, MENTOR, r.participantIds(), T0);
        return a;
    }

    @Test
    void proposerHasAcceptedByProposingAndTheOtherPartyMovesItToAgreementPending() {
        Relationship r = coaching();
        assertThat(r.participant(TEACHER).orElseThrow().accepted()).isTrue();
        r.accept(COACH, T0.plusSeconds(60));
        assertThat(r.status).isEqualTo(RelationshipStatus.AGREEMENT_PENDING);
        assertThat(r.transitions).extracting(t -> t.action).containsExactly(Transition.ACCEPT);
    }

    @Test
    void activatesOnlyWhenEveryParticipantSignedCurrentVersion() {
        Relationship r = coaching();
        LearningAgreement a = acceptedAndSignedByTheCoach(r);
        assertThatThrownBy(() -> r.activate(LEARNER, a, T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(p.slug()).isEqualTo("agreement-not-signed"));
        a.sign(1, TEACHER, r.participantIds(), T0);
        r.activate(LEARNER, a, T0.plusSeconds(5));
        assertThat(r.status).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(r.activatedAt).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aRevisionClearsSignaturesSoTheOldOnesNoLongerActivate() {
        Relationship r = coaching();
        LearningAgreement a = acceptedAndSignedByTheCoach(r);
        a.sign(1, TEACHER, r.participantIds(), T0);
        a.revise(AgreementTemplates.forForm(SupportForm.SPECIALIST_COACHING), "teacher", T0);
        assertThat(a.signedByAll(r.participantIds())).isFalse();
        assertThatThrownBy(() -> r.activate(LEARNER, a, T0)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> a.sign(1, MENTOR, r.participantIds(), T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(p.slug()).isEqualTo("agreement-version-superseded"));
        a.sign(2, MENTOR, r.participantIds(), T0);
        a.sign(2, TEACHER, r.participantIds(), T0);
        r.activate(COACH, a, T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.ACTIVE);
        assertThat(a.version(1).signatures).hasSize(2); // history kept
    }

    @Test
    void onlyParticipantsSign() {
        Relationship r = coaching();
        LearningAgreement a = agreementFor(r);
        assertThatThrownBy(() -> a.sign(1, LEAD, r.participantIds(), T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(status(p)).isEqualTo(403));
    }

    @Test
    void resumingNeedsTheCurrentVersionSignedAgain() {
        Relationship r = active();
        LearningAgreement a = agreementFor(r);
        r.pause(COACH, "term break", T0);
        a.revise(AgreementTemplates.forForm(SupportForm.SPECIALIST_COACHING), "coach", T0);
        assertThatThrownBy(() -> r.resume(LEARNER, a, T0)).isInstanceOf(RuleViolation.class);
        a.sign(2, MENTOR, r.participantIds(), T0);
        a.sign(2, TEACHER, r.participantIds(), T0);
        r.resume(LEARNER, a, T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.ACTIVE);
    }

    @Test
    void agreementIsLockedWhileActive() {
        Relationship r = active();
        assertThatThrownBy(() -> r.requireAgreementEditable(LEARNER))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(p.slug()).isEqualTo("agreement-locked"));
    }

    @Test
    void closingRecordsOutcomeAndReasonAndNeverConflatesThem() {
        Relationship r = active();
        assertThatThrownBy(() -> r.close(LEARNER, ClosingOutcome.ENDED_EARLY, " ", T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(status(p)).isEqualTo(400));
        assertThatThrownBy(() -> r.close(LEARNER, null, "done", T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(status(p)).isEqualTo(400));
        r.close(LEARNER, ClosingOutcome.ENDED_EARLY, "moved school", T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.CLOSED);
        assertThat(r.outcome).isEqualTo(ClosingOutcome.ENDED_EARLY);
        assertThat(r.endReason).isEqualTo("moved school");
    }

    @Test
    void aSchoolLeadOfAParticipantsSchoolMayCloseButNotActivate() {
        Relationship r = active();
        var lead = schoolLead(LEAD, URN);
        r.close(lead, ClosingOutcome.COMPLETED_AS_PLANNED, "year completed", T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.CLOSED);
        Relationship other = coaching();
        assertThatThrownBy(() -> other.accept(lead, T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(status(p)).isEqualTo(403));
    }

    @Test
    void onlyTheProposerOrAnOverseeingLeadWithdraws() {
        Relationship r = coaching();
        assertThatThrownBy(() -> r.withdraw(COACH, "no", T0))
                .isInstanceOfSatisfying(RuleViolation.class, p -> assertThat(status(p)).isEqualTo(403));
        r.withdraw(LEARNER, "found another coach", T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.WITHDRAWN);
    }

    @Test
    void declineNeedsAReason() {
        Relationship r = coaching();
        assertThatThrownBy(() -> r.decline(COACH, null, T0)).isInstanceOf(RuleViolation.class);
        r.decline(COACH, "full this term", T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.DECLINED);
        assertThat(r.transitions.get(0).reason).isEqualTo("full this term");
    }

    @Test
    void anUnansweredProposalExpiresButAnAcceptedOneDoesNot() {
        Relationship r = coaching();
        r.expire(T0);
        assertThat(r.status).isEqualTo(RelationshipStatus.EXPIRED);
        Relationship accepted = coaching();
        accepted.accept(COACH, T0);
        assertThatThrownBy(() -> accepted.expire(T0)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void flagsCoCoachingPlannedForLessThanATerm() {
        Relationship r = Relationship.proposed(SupportForm.CO_COACHING, practitioner(TEACHER), T0, null);
        r.plannedStart = java.time.LocalDate.of(2026, 9, 7);
        r.plannedEnd = r.plannedStart.plusWeeks(6);
        assertThat(r.flags()).contains("CO_COACHING_SHORTER_THAN_A_TERM");
        r.plannedEnd = r.plannedStart.plusWeeks(14);
        assertThat(r.flags()).doesNotContain("CO_COACHING_SHORTER_THAN_A_TERM");
    }

    private static Relationship active() {
        Relationship r = coaching();
        LearningAgreement a = acceptedAndSignedByTheCoach(r);
        a.sign(1, TEACHER, r.participantIds(), T0);
        r.activate(LEARNER, a, T0);
        return r;
    }
}
