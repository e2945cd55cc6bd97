package org.cpd.relationships.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;

/**
 * A mentoring, specialist coaching or co-coaching relationship and its lifecycle. Every move is
 * an explicit action by an allowed party, recorded with who, when and (when it ends the
 * relationship) why. Activation defers to {@link LearningAgreement#requireSignedByAll}; who may
 * act is {@link RelationshipAccess}.
 */
@Entity
@Table(name = "relationship")
public class Relationship extends TrackedEntity {

    /** Co-coaching is best sustained for at least a term; shorter plans are flagged, not refused. */
    public static final long ONE_TERM_DAYS = 12 * 7;

    @Enumerated(EnumType.STRING)
    public SupportForm form;

    @Enumerated(EnumType.STRING)
    public MentoringPurpose purpose;

    /** Specialist coaching: the aspect of practice, a code of the directory's expertise taxonomy. */
    public String aspect;

    @Enumerated(EnumType.STRING)
    public SpecialistInputKind specialistInputKind;

    public String specialistInputDescription;

    @Enumerated(EnumType.STRING)
    public RelationshipStatus status;

    public LocalDate plannedStart;

    public LocalDate plannedEnd;

    public String proposedBy;

    public UUID proposedByPractitioner;

    public Instant proposedAt;

    public Instant expiresAt;

    public Instant reminderSentAt;

    public Instant activatedAt;

    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public ClosingOutcome outcome;

    public String endReason;

    /** Mentoring by the learner's line manager or appraiser: allowed, but shown (docs/architecture.md#rule-2-buffer-zones). */
    public boolean lineManagerMentor;

    public String conflictOverrideReason;

    public String conflictOverrideBy;

    /** The coaching relationship a referral for mentoring came from (docs/architecture.md#rule-8-referral-not-a-change-of-form). */
    public UUID referredFrom;

    /**
     * When retention reduced the relationship to anonymised statistics (docs/data-protection.md, "Retention
     * defaults"): what was written about people is gone and nothing more is recorded in it. Null before.
     */
    public Instant anonymisedAt;

    @OneToMany(mappedBy = "relationship", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, practitionerId")
    public List<Participant> participants = new ArrayList<>();

    @OneToMany(mappedBy = "relationship", cascade = CascadeType.ALL)
    @OrderBy("at")
    public List<TransitionRecord> transitions = new ArrayList<>();

    protected Relationship() {
    }

    /** A new proposal; the proposer, when a participant, has accepted by proposing. */
    public static Relationship proposed(SupportForm form, Caller proposer, Instant now, Instant expiresAt) {
        Relationship r = new Relationship();
        r.id = UUID.randomUUID();
        r.form = form;
        r.status = RelationshipStatus.PROPOSED;
        r.proposedBy = Callers.label(proposer);
        r.proposedByPractitioner = proposer.practitionerId();
        r.proposedAt = now;
        r.expiresAt = expiresAt;
        return r;
    }

    public Participant addParticipant(UUID practitionerId, ParticipantRole role, String schoolUrn) {
        Participant p = new Participant(this, practitionerId, role, schoolUrn);
        if (practitionerId.equals(proposedByPractitioner)) {
            p.acceptedAt = proposedAt;
        }
        participants.add(p);
        return p;
    }

    // ---- who is who -------------------------------------------------------------------------

    public List<UUID> participantIds() {
        return participants.stream().map(p -> p.practitionerId).toList();
    }

    public Optional<Participant> participant(UUID practitionerId) {
        return participants.stream().filter(p -> p.practitionerId.equals(practitionerId)).findFirst();
    }

    public Optional<UUID> supporter() {
        return withRole(ParticipantRole.SUPPORTER);
    }

    public Optional<UUID> learner() {
        return withRole(ParticipantRole.LEARNER);
    }

    private Optional<UUID> withRole(ParticipantRole role) {
        return participants.stream().filter(p -> p.role == role).map(p -> p.practitionerId).findFirst();
    }

    public boolean isShortCoCoaching() {
        return form == SupportForm.CO_COACHING && plannedStart != null && plannedEnd != null
                && ChronoUnit.DAYS.between(plannedStart, plannedEnd) < ONE_TERM_DAYS;
    }

    public List<String> flags() {
        List<String> flags = new ArrayList<>();
        if (lineManagerMentor) {
            flags.add("LINE_MANAGER_MENTOR");
        }
        if (conflictOverrideReason != null) {
            flags.add("CONFLICT_OF_INTEREST_OVERRIDDEN");
        }
        if (isShortCoCoaching()) {
            flags.add("CO_COACHING_SHORTER_THAN_A_TERM");
        }
        return flags;
    }

    /** A conflict {@code relationship-anonymised} once retention reduced it to statistics: it takes no new record. */
    public void requireNotAnonymised() {
        if (anonymisedAt != null) {
            throw RuleViolation.conflict("relationship-anonymised", "This relationship ended long ago and is kept only as "
                            + "anonymised statistics since " + anonymisedAt + "; nothing more is recorded in it")
                    .with("anonymisedAt", anonymisedAt.toString());
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------

    /** A participant accepts the proposal; when the last one does, the agreement is negotiated. */
    public void accept(Caller actor, Instant now) {
        Participant p = RelationshipAccess.requireParticipant(actor, this, "accept");
        Lifecycle.next(status, Transition.ACCEPT);
        if (p.accepted()) {
            throw RuleViolation.conflict("already-accepted", "You have already accepted this proposal");
        }
        p.acceptedAt = now;
        boolean all = participants.stream().allMatch(Participant::accepted);
        move(Transition.ACCEPT, all ? RelationshipStatus.AGREEMENT_PENDING : status, actor, null, now);
    }

    public void decline(Caller actor, String reason, Instant now) {
        RelationshipAccess.requireParticipant(actor, this, "decline");
        end(Transition.DECLINE, actor, reason, now);
    }

    /** The proposer, or a school lead overseeing it, takes a proposal back before it starts. */
    public void withdraw(Caller actor, String reason, Instant now) {
        if (!RelationshipAccess.mayWithdraw(actor, this)) {
            throw RuleViolation.forbidden("Only the proposer or a school lead of a participant's school may withdraw");
        }
        end(Transition.WITHDRAW, actor, reason, now);
    }

    /** docs/architecture.md#rule-1-agreement-before-activity: active only when every participant signed the current version. */
    public void activate(Caller actor, LearningAgreement agreement, Instant now) {
        RelationshipAccess.requireParticipant(actor, this, "activate");
        RelationshipStatus to = Lifecycle.next(status, Transition.ACTIVATE);
        agreement.requireSignedByAll(participantIds());
        activatedAt = now;
        move(Transition.ACTIVATE, to, actor, null, now);
    }

    public void pause(Caller actor, String reason, Instant now) {
        RelationshipAccess.requireParticipant(actor, this, "pause");
        move(Transition.PAUSE, Lifecycle.next(status, Transition.PAUSE), actor, reason, now);
    }

    /**
     * Resuming makes the relationship active again, so docs/architecture.md#rule-1-agreement-before-activity
     * applies again (the agreement may have changed).
     */
    public void resume(Caller actor, LearningAgreement agreement, Instant now) {
        RelationshipAccess.requireParticipant(actor, this, "resume");
        RelationshipStatus to = Lifecycle.next(status, Transition.RESUME);
        agreement.requireSignedByAll(participantIds());
        move(Transition.RESUME, to, actor, null, now);
    }

    public void close(Caller actor, ClosingOutcome outcome, String reason, Instant now) {
        if (!RelationshipAccess.mayClose(actor, this)) {
            throw RuleViolation.forbidden("Only a participant or a school lead of a participant's school may close it");
        }
        if (outcome == null) {
            throw RuleViolation.invalidField("outcome", "must be COMPLETED_AS_PLANNED or ENDED_EARLY");
        }
        Lifecycle.next(status, Transition.CLOSE);
        this.outcome = outcome;
        end(Transition.CLOSE, actor, reason, now);
    }

    /** Nobody answered in time. */
    public void expire(Instant now) {
        end(Transition.EXPIRE, Callers.SYSTEM, "No answer before " + expiresAt, now);
    }

    /** The agreement may change only while not active: an ACTIVE relationship always has a fully signed agreement. */
    public void requireAgreementEditable(Caller actor) {
        RelationshipAccess.requireParticipant(actor, this, "edit the agreement of");
        if (status != RelationshipStatus.PROPOSED && status != RelationshipStatus.AGREEMENT_PENDING
                && status != RelationshipStatus.PAUSED) {
            throw RuleViolation.conflict("agreement-locked", "The agreement of a relationship that is " + status
                            + " cannot change; pause an active relationship to renegotiate it")
                    .with("currentStatus", status.name());
        }
    }

    public void requireSignable(Caller actor) {
        RelationshipAccess.requireParticipant(actor, this, "sign the agreement of");
        if (status != RelationshipStatus.AGREEMENT_PENDING && status != RelationshipStatus.PAUSED) {
            throw RuleViolation.conflict("agreement-not-open-for-signature",
                            "Signatures are given once every participant has accepted the proposal and before it is active,"
                            + " or while it is paused; it is " + status)
                    .with("currentStatus", status.name());
        }
    }

    private void end(Transition t, Caller actor, String reason, Instant now) {
        RelationshipStatus to = Lifecycle.next(status, t);
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalidField("reason", "a reason is required when the relationship ends");
        }
        endedAt = now;
        endReason = reason.strip();
        move(t, to, actor, endReason, now);
    }

    private void move(Transition t, RelationshipStatus to, Caller actor, String reason, Instant now) {
        transitions.add(new TransitionRecord(this, t, status, to, Callers.label(actor), reason, now));
        status = to;
        updatedAt = now; // the row changes even when only a participant accepted
    }
}
