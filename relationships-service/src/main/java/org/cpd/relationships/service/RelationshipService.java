package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.relationships.domain.Actor;
import org.cpd.relationships.domain.AgreementTemplates;
import org.cpd.relationships.domain.AgreementTerms;
import org.cpd.relationships.domain.Form;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Person;
import org.cpd.relationships.domain.ProposalRules;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.events.KnownPractitioner;
import org.cpd.relationships.events.ReadModel;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.persistence.RelationshipRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Use cases on relationships and their learning agreements. */
@ApplicationScoped
public class RelationshipService {

    @Inject
    ReadModel readModel;

    @Inject
    RelationshipRepository relationships;

    @Inject
    RelationshipPublisher events;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "cpd.relationships.proposal-ttl", defaultValue = "P14D")
    Duration proposalTtl;

    // ---- propose --------------------------------------------------------------------------

    @Transactional
    public Relationship propose(ProposeRelationship cmd, Actor actor) {
        return propose(cmd, actor, null);
    }

    /** {@code referredFrom} set: a referral for mentoring from a coaching relationship (DESIGN rule 8). */
    @Transactional
    public Relationship propose(ProposeRelationship cmd, Actor actor, UUID referredFrom) {
        requireFormFields(cmd);
        List<ProposalRules.Party> parties = cmd.participants().stream()
                .map(p -> new ProposalRules.Party(p.practitionerId(), p.role())).toList();
        Map<UUID, KnownPractitioner> known = new HashMap<>();
        readModel.practitioners(parties.stream().map(ProposalRules.Party::practitionerId).distinct().toList())
                .forEach(k -> known.put(k.id, k));
        Map<UUID, Person> people = new HashMap<>();
        known.forEach((id, k) -> people.put(id, k.toPerson()));
        String overrideReason = cmd.conflictOverride() == null ? null : cmd.conflictOverride().reason();
        ProposalRules.Assessment assessment = ProposalRules.check(cmd.form(), parties, people, actor,
                readModel::allowsCrossPartnership, overrideReason, referredFrom != null);

        // the capacity lock comes first so the duplicate check below is serialised per supporter too
        if (cmd.form().hasSupporter()) {
            UUID supporter = parties.stream().filter(p -> p.role() == ParticipantRole.SUPPORTER)
                    .findFirst().orElseThrow().practitionerId();
            requireFreeSlot(supporter, cmd.form());
        } else {
            // peers lock in id order, so two proposals sharing peers cannot deadlock
            parties.stream().map(ProposalRules.Party::practitionerId).sorted().forEach(this::requireFreeCoCoachingPlace);
        }
        List<UUID> ids = parties.stream().map(ProposalRules.Party::practitionerId).toList();
        relationships.openWithSameParticipants(cmd.form(), ids).ifPresent(existing -> {
            throw Problems.conflict("duplicate-relationship",
                    "These practitioners already have an open " + cmd.form() + " relationship")
                    .with("relationshipId", existing.id);
        });

        Instant now = TrackedEntity.now();
        Relationship r = Relationship.proposed(cmd.form(), actor, now, now.plus(proposalTtl));
        r.purpose = cmd.purpose();
        r.aspect = cmd.aspect();
        if (cmd.specialistInput() != null) {
            r.specialistInputKind = cmd.specialistInput().kind();
            r.specialistInputDescription = cmd.specialistInput().description();
        }
        r.plannedStart = cmd.plannedStart();
        r.plannedEnd = cmd.plannedEnd();
        r.referredFrom = referredFrom;
        r.lineManagerMentor = assessment.lineManagerMentor();
        if (assessment.conflictOverridden()) {
            r.conflictOverrideReason = overrideReason.strip();
            r.conflictOverrideBy = actor.label();
        }
        parties.forEach(p -> r.addParticipant(p.practitionerId(), p.role(), known.get(p.practitionerId()).schoolUrn));
        r.persist();
        LearningAgreement.draft(r.id, AgreementTemplates.forForm(r.form), actor.label(), now).persist();
        if (assessment.conflictOverridden()) {
            audit.record("override-conflict-of-interest", "relationship", r.id, r.conflictOverrideReason);
        }
        events.lifecycle(r, "relationship-proposed");
        return r;
    }

    private static void requireFormFields(ProposeRelationship cmd) {
        switch (cmd.form()) {
            case MENTORING -> {
                if (cmd.purpose() == null) {
                    throw Problems.invalidField("purpose", "mentoring needs a purpose: INDUCTION, PROGRESSION or CHALLENGE");
                }
            }
            case SPECIALIST_COACHING -> {
                if (cmd.aspect() == null || cmd.aspect().isBlank()) {
                    throw Problems.invalidField("aspect", "specialist coaching needs the aspect of practice it targets");
                }
            }
            case CO_COACHING -> {
                if (cmd.specialistInput() == null) {
                    throw Problems.invalidField("specialistInput", "co-coaching needs the specialist input it embeds");
                }
            }
        }
        if (cmd.plannedStart() != null && cmd.plannedEnd() != null && !cmd.plannedEnd().isAfter(cmd.plannedStart())) {
            throw Problems.invalidField("plannedEnd", "must be after plannedStart");
        }
    }

    /**
     * DESIGN rule 4. The capacity row is locked first, so two proposals to the same supporter
     * count one after the other and never both take the last slot (ADR 0021).
     */
    private void requireFreeSlot(UUID supporter, Form form) {
        ReadModel.Capacity capacity = readModel.lockCapacity(supporter, form)
                .filter(c -> !c.paused())
                .orElseThrow(() -> Problems.conflict("support-not-offered",
                        "The supporter does not currently offer " + form + " (no offer, or the offer is paused)")
                        .with("supporterId", supporter));
        long load = relationships.openPlaces(supporter, form);
        if (load >= capacity.capacity()) {
            throw Problems.conflict("capacity-exceeded",
                            "The supporter already has " + load + " of " + capacity.capacity() + " " + form + " places taken")
                    .with("supporterId", supporter)
                    .with("capacity", capacity.capacity())
                    .with("load", load);
        }
    }

    /**
     * Co-coaching peers need no offer (they are mostly self-selecting), but a peer who declared a
     * co-coaching capacity in the directory is held to it, as directory-service counts peers' places.
     */
    private void requireFreeCoCoachingPlace(UUID peer) {
        readModel.lockCapacity(peer, Form.CO_COACHING).ifPresent(capacity -> {
            long load = relationships.openPlaces(peer, Form.CO_COACHING);
            if (load >= capacity.capacity()) {
                throw Problems.conflict("capacity-exceeded",
                                "Peer " + peer + " already has " + load + " of " + capacity.capacity() + " co-coaching places taken")
                        .with("supporterId", peer)
                        .with("capacity", capacity.capacity())
                        .with("load", load);
            }
        });
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Transactional
    public Relationship accept(UUID id, Actor actor) {
        Relationship r = relationships.lock(id);
        requireVisible(r, actor);
        r.accept(actor, TrackedEntity.now());
        if (r.status == org.cpd.relationships.domain.RelationshipStatus.AGREEMENT_PENDING) {
            events.lifecycle(r, "relationship-accepted");
        }
        return r;
    }

    @Transactional
    public Relationship decline(UUID id, Actor actor, String reason) {
        return transition(id, actor, "relationship-declined", r -> r.decline(actor, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship withdraw(UUID id, Actor actor, String reason) {
        return transition(id, actor, "relationship-withdrawn", r -> r.withdraw(actor, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship activate(UUID id, Actor actor) {
        return transition(id, actor, "relationship-activated",
                r -> r.activate(actor, relationships.agreementOf(id), TrackedEntity.now()));
    }

    @Transactional
    public Relationship pause(UUID id, Actor actor, String reason) {
        return transition(id, actor, "relationship-paused", r -> r.pause(actor, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship resume(UUID id, Actor actor) {
        return transition(id, actor, "relationship-resumed",
                r -> r.resume(actor, relationships.agreementOf(id), TrackedEntity.now()));
    }

    @Transactional
    public Relationship close(UUID id, Actor actor, CloseRequest req) {
        return transition(id, actor, "relationship-closed",
                r -> r.close(actor, req.outcome(), req.reason(), TrackedEntity.now()));
    }

    /** Every lifecycle action: lock the row, check the caller may see it, apply the domain rule, publish. */
    private Relationship transition(UUID id, Actor actor, String event, java.util.function.Consumer<Relationship> action) {
        Relationship r = relationships.lock(id);
        requireVisible(r, actor);
        action.accept(r);
        events.lifecycle(r, event);
        return r;
    }

    // ---- agreement ------------------------------------------------------------------------

    public LearningAgreement agreement(UUID id, Actor actor) {
        Relationship r = get(id, actor);
        return relationships.agreementOf(r.id);
    }

    /** A new version from the edited terms; the old signatures stay with the old version. */
    @Transactional
    public LearningAgreement revise(UUID id, Actor actor, String ifMatch, AgreementTerms terms) {
        Relationship r = relationships.lock(id);
        requireVisible(r, actor);
        r.requireAgreementEditable(actor);
        LearningAgreement a = relationships.agreementOf(id);
        org.cpd.commons.web.ETags.requireMatch(ifMatch, a);
        a.revise(terms, actor.label(), TrackedEntity.now());
        events.agreement(r, a, "relationship-agreement-versioned");
        return a;
    }

    @Transactional
    public LearningAgreement sign(UUID id, int version, Actor actor) {
        Relationship r = relationships.lock(id);
        requireVisible(r, actor);
        r.requireSignable(actor);
        LearningAgreement a = relationships.agreementOf(id);
        int before = a.current().signatures.size();
        a.sign(version, actor.practitionerId(), r.participantIds(), TrackedEntity.now());
        if (a.current().signatures.size() > before) {
            events.agreement(r, a, "relationship-agreement-signed");
        }
        return a;
    }

    // ---- reading --------------------------------------------------------------------------

    public Relationship get(UUID id, Actor actor) {
        Relationship r = relationships.find(id).orElseThrow(() -> Problems.notFound("relationship", id));
        requireVisible(r, actor);
        return r;
    }

    /** Participants, school leads of a participant's school, admins of a participant's partnership; others see nothing (404). */
    public void requireVisible(Relationship r, Actor actor) {
        if (!canSee(r, actor)) {
            throw Problems.notFound("relationship", r.id);
        }
    }

    public boolean canSee(Relationship r, Actor actor) {
        if (r.isParticipant(actor) || r.overseenBy(actor)) {
            return true;
        }
        if (actor.partnershipAdmin() && !actor.partnershipIds().isEmpty()) {
            return readModel.practitioners(r.participantIds()).stream()
                    .anyMatch(p -> java.util.Arrays.stream(p.partnershipIds).anyMatch(actor.partnershipIds()::contains));
        }
        return false;
    }

    static Problem forbidden(String detail) {
        return Problems.forbidden(detail);
    }
}
