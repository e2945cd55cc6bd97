package org.cpd.relationships.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;

/**
 * A mentoring, specialist coaching or co-coaching relationship and its lifecycle. Every move is
 * an explicit action by an allowed party, recorded with who, when and (when it ends the
 * relationship) why. Activation defers to {@link LearningAgreement#requireSignedByAll}.
 */
@Entity
@Table(name = "relationship")
public class Relationship extends TrackedEntity {

    /** Co-coaching is best sustained for at least a term; shorter plans are flagged, not refused. */
    public static final long ONE_TERM_DAYS = 12 * 7;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Form form;

    @Enumerated(EnumType.STRING)
    public MentoringPurpose purpose;

    /** Specialist coaching: the aspect of practice, a code of the directory's expertise taxonomy. */
    public String aspect;

    @Enumerated(EnumType.STRING)
    @Column(name = "specialist_input_kind")
    public SpecialistInputKind specialistInputKind;

    @Column(name = "specialist_input_description")
    public String specialistInputDescription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationshipStatus status;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    @Column(name = "proposed_by_practitioner")
    public UUID proposedByPractitioner;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public ClosingOutcome outcome;

    @Column(name = "end_reason")
    public String endReason;

    /** Mentoring by the learner's line manager or appraiser: allowed, but shown (DESIGN rule 2). */
    @Column(name = "line_manager_mentor", nullable = false)
    public boolean lineManagerMentor;

    @Column(name = "conflict_override_reason")
    public String conflictOverrideReason;

    @Column(name = "conflict_override_by")
    public String conflictOverrideBy;

    /** The coaching relationship a referral for mentoring came from (DESIGN rule 8). */
    @Column(name = "referred_from")
    public UUID referredFrom;

    @OneToMany(mappedBy = "relationship", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("role, practitionerId")
    public List<Participant> participants = new ArrayList<>();

    @OneToMany(mappedBy = "relationship", cascade = CascadeType.ALL)
    @OrderBy("at")
    public List<TransitionRecord> transitions = new ArrayList<>();

    protected Relationship() {
    }

    /** A new proposal; the proposer, when a participant, has accepted by proposing. */
    public static Relationship proposed(Form form, Actor proposer, Instant now, Instant expiresAt) {
        Relationship r = new Relationship();
        r.id = UUID.randomUUID();
        r.form = form;
        r.status = RelationshipStatus.PROPOSED;
        r.proposedBy = proposer.label();
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

    public boolean isParticipant(Actor actor) {
        return actor.practitionerId() != null && participant(actor.practitionerId()).isPresent();
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

    /** A school lead of any participant's school oversees the relationship (never its confidential notes). */
    public boolean overseenBy(Actor actor) {
        return participants.stream().anyMatch(p -> actor.leadsSchool(p.schoolUrn));
    }

    public boolean isShortCoCoaching() {
        return form == Form.CO_COACHING && plannedStart != null && plannedEnd != null
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

    // ---- lifecycle --------------------------------------------------------------------------

    /** A participant accepts the proposal; when the last one does, the agreement is negotiated. */
    public void accept(Actor actor, Instant now) {
        Participant p = requireParticipant(actor, "accept");
        Lifecycle.next(status, Transition.ACCEPT);
        if (p.accepted()) {
            throw Problems.conflict("already-accepted", "You have already accepted this proposal");
        }
        p.acceptedAt = now;
        boolean all = participants.stream().allMatch(Participant::accepted);
        move(Transition.ACCEPT, all ? RelationshipStatus.AGREEMENT_PENDING : status, actor, null, now);
    }

    public void decline(Actor actor, String reason, Instant now) {
        requireParticipant(actor, "decline");
        end(Transition.DECLINE, actor, reason, now);
    }

    /** The proposer, or a school lead overseeing it, takes a proposal back before it starts. */
    public void withdraw(Actor actor, String reason, Instant now) {
        boolean proposer = actor.practitionerId() != null && actor.practitionerId().equals(proposedByPractitioner);
        if (!proposer && !overseenBy(actor) && !actor.label().equals(proposedBy)) {
            throw Problems.forbidden("Only the proposer or a school lead of a participant's school may withdraw");
        }
        end(Transition.WITHDRAW, actor, reason, now);
    }

    /** DESIGN rule 1: active only when every participant signed the current agreement version. */
    public void activate(Actor actor, LearningAgreement agreement, Instant now) {
        requireParticipant(actor, "activate");
        RelationshipStatus to = Lifecycle.next(status, Transition.ACTIVATE);
        agreement.requireSignedByAll(participantIds());
        activatedAt = now;
        move(Transition.ACTIVATE, to, actor, null, now);
    }

    public void pause(Actor actor, String reason, Instant now) {
        requireParticipant(actor, "pause");
        move(Transition.PAUSE, Lifecycle.next(status, Transition.PAUSE), actor, reason, now);
    }

    /** Resuming makes the relationship active again, so rule 1 applies again (the agreement may have changed). */
    public void resume(Actor actor, LearningAgreement agreement, Instant now) {
        requireParticipant(actor, "resume");
        RelationshipStatus to = Lifecycle.next(status, Transition.RESUME);
        agreement.requireSignedByAll(participantIds());
        move(Transition.RESUME, to, actor, null, now);
    }

    public void close(Actor actor, ClosingOutcome outcome, String reason, Instant now) {
        if (!isParticipant(actor) && !overseenBy(actor)) {
            throw Problems.forbidden("Only a participant or a school lead of a participant's school may close it");
        }
        if (outcome == null) {
            throw Problems.invalidField("outcome", "must be COMPLETED_AS_PLANNED or ENDED_EARLY");
        }
        Lifecycle.next(status, Transition.CLOSE);
        this.outcome = outcome;
        end(Transition.CLOSE, actor, reason, now);
    }

    /** Nobody answered in time. */
    public void expire(Instant now) {
        end(Transition.EXPIRE, Actor.system(), "No answer before " + expiresAt, now);
    }

    /** The agreement may change only while not active: an ACTIVE relationship always has a fully signed agreement. */
    public void requireAgreementEditable(Actor actor) {
        requireParticipant(actor, "edit the agreement of");
        if (status != RelationshipStatus.PROPOSED && status != RelationshipStatus.AGREEMENT_PENDING
                && status != RelationshipStatus.PAUSED) {
            throw Problem.of(409, "agreement-locked", "Agreement cannot change now")
                    .detail("The agreement of a relationship that is " + status
                            + " cannot change; pause an active relationship to renegotiate it")
                    .with("currentStatus", status.name());
        }
    }

    public void requireSignable(Actor actor) {
        requireParticipant(actor, "sign the agreement of");
        if (status != RelationshipStatus.AGREEMENT_PENDING && status != RelationshipStatus.PAUSED) {
            throw Problem.of(409, "agreement-not-open-for-signature", "Agreement cannot be signed now")
                    .detail("Signatures are given once every participant has accepted the proposal and before it is active,"
                            + " or while it is paused; it is " + status)
                    .with("currentStatus", status.name());
        }
    }

    private void end(Transition t, Actor actor, String reason, Instant now) {
        RelationshipStatus to = Lifecycle.next(status, t);
        if (reason == null || reason.isBlank()) {
            throw Problems.invalidField("reason", "a reason is required when the relationship ends");
        }
        endedAt = now;
        endReason = reason.strip();
        move(t, to, actor, endReason, now);
    }

    private void move(Transition t, RelationshipStatus to, Actor actor, String reason, Instant now) {
        transitions.add(new TransitionRecord(this, t, status, to, actor.label(), reason, now));
        status = to;
        updatedAt = now; // the row changes even when only a participant accepted
    }

    private Participant requireParticipant(Actor actor, String what) {
        if (actor.practitionerId() == null) {
            throw Problems.forbidden("Only a participant may " + what + " this relationship");
        }
        return participant(actor.practitionerId()).orElseThrow(
                () -> Problems.forbidden("Only a participant may " + what + " this relationship"));
    }
}
