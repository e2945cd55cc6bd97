package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.relationships.config.RelationshipsConfig;
import org.cpd.relationships.domain.AgreementTemplates;
import org.cpd.relationships.domain.AgreementTerms;
import org.cpd.relationships.domain.Callers;
import org.cpd.relationships.domain.ClosingOutcome;
import org.cpd.relationships.domain.KnownPractitioner;
import org.cpd.relationships.domain.LearningAgreement;
import org.cpd.relationships.domain.Participant;
import org.cpd.relationships.domain.ParticipantAccess;
import org.cpd.relationships.domain.ParticipantRole;
import org.cpd.relationships.domain.Person;
import org.cpd.relationships.domain.ProposalRules;
import org.cpd.relationships.domain.Relationship;
import org.cpd.relationships.domain.RelationshipAccess;
import org.cpd.relationships.domain.RelationshipStatus;
import org.cpd.relationships.domain.SupportForm;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.repository.DirectoryReadModel;
import org.cpd.relationships.repository.PartnershipSettingRepository;
import org.cpd.relationships.repository.RelationshipRepository;

/** Use cases on relationships and their learning agreements. */
@ApplicationScoped
public class RelationshipService {

    @Inject
    DirectoryReadModel readModel;

    @Inject
    PartnershipSettingRepository settings;

    @Inject
    RelationshipRepository relationships;

    @Inject
    RelationshipPublisher events;

    @Inject
    AuditLog audit;

    @Inject
    RelationshipsConfig config;

    // ---- propose --------------------------------------------------------------------------

    @Transactional
    public Relationship propose(Proposal cmd, Caller caller) {
        return propose(cmd, caller, null);
    }

    /**
     * {@code referredFrom} set: a referral for mentoring from a coaching relationship
     * (docs/architecture.md#rule-8-referral-not-a-change-of-form).
     */
    @Transactional
    Relationship propose(Proposal cmd, Caller caller, UUID referredFrom) {
        requireFormFields(cmd);
        List<ProposalRules.Party> parties = cmd.participants();
        Map<UUID, KnownPractitioner> known = new HashMap<>();
        readModel.practitioners(parties.stream().map(ProposalRules.Party::practitionerId).distinct().toList())
                .forEach(k -> known.put(k.id, k));
        Map<UUID, Person> people = new HashMap<>();
        known.forEach((id, k) -> people.put(id, k.toPerson()));
        String overrideReason = cmd.conflictOverrideReason();
        ProposalRules.Assessment assessment = ProposalRules.check(cmd.form(), parties, people, caller,
                settings::allowsCrossPartnership, overrideReason, referredFrom != null);

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
            throw RuleViolation.conflict("duplicate-relationship",
                    "These practitioners already have an open " + cmd.form() + " relationship")
                    .with("relationshipId", existing.id);
        });

        Instant now = TrackedEntity.now();
        Relationship r = Relationship.proposed(cmd.form(), caller, now, now.plus(config.proposalTtl()));
        r.purpose = cmd.purpose();
        r.aspect = cmd.aspect();
        r.specialistInputKind = cmd.specialistInputKind();
        r.specialistInputDescription = cmd.specialistInputDescription();
        r.plannedStart = cmd.plannedStart();
        r.plannedEnd = cmd.plannedEnd();
        r.referredFrom = referredFrom;
        r.lineManagerMentor = assessment.lineManagerMentor();
        if (assessment.conflictOverridden()) {
            r.conflictOverrideReason = overrideReason.strip();
            r.conflictOverrideBy = Callers.label(caller);
        }
        parties.forEach(p -> r.addParticipant(p.practitionerId(), p.role(), known.get(p.practitionerId()).schoolUrn));
        r.persist();
        LearningAgreement.draft(r.id, AgreementTemplates.forForm(r.form), Callers.label(caller), now).persist();
        if (assessment.conflictOverridden()) {
            // about the learner(s) the buffer zone protects, with the lead's reason
            Set<UUID> partnerships = partnershipsOf(r);
            for (Participant learner : r.participants) {
                if (learner.role != ParticipantRole.SUPPORTER) {
                    audit.entry("override-conflict-of-interest", "relationship", r.id)
                            .about(learner.practitionerId, partnerships).because(r.conflictOverrideReason).record();
                }
            }
        }
        events.lifecycle(r, RelationshipEvents.PROPOSED);
        return r;
    }

    private static void requireFormFields(Proposal cmd) {
        switch (cmd.form()) {
            case MENTORING -> {
                if (cmd.purpose() == null) {
                    throw RuleViolation.invalidField("purpose", "mentoring needs a purpose: INDUCTION, PROGRESSION or CHALLENGE");
                }
            }
            case SPECIALIST_COACHING -> {
                if (cmd.aspect() == null || cmd.aspect().isBlank()) {
                    throw RuleViolation.invalidField("aspect", "specialist coaching needs the aspect of practice it targets");
                }
            }
            case CO_COACHING -> {
                if (cmd.specialistInputKind() == null) {
                    throw RuleViolation.invalidField("specialistInput", "co-coaching needs the specialist input it embeds");
                }
            }
        }
        if (cmd.plannedStart() != null && cmd.plannedEnd() != null && !cmd.plannedEnd().isAfter(cmd.plannedStart())) {
            throw RuleViolation.invalidField("plannedEnd", "must be after plannedStart");
        }
    }

    /**
     * docs/architecture.md#rule-4-capacity. The capacity row is locked first, so two proposals to
     * the same supporter count one after the other and never both take the last slot (ADR 0021).
     */
    private void requireFreeSlot(UUID supporter, SupportForm form) {
        DirectoryReadModel.Capacity capacity = readModel.lockCapacity(supporter, form)
                .filter(c -> !c.paused())
                .orElseThrow(() -> RuleViolation.conflict("support-not-offered",
                        "The supporter does not currently offer " + form + " (no offer, or the offer is paused)")
                        .with("supporterId", supporter));
        long load = relationships.openPlaces(supporter, form);
        if (load >= capacity.capacity()) {
            throw capacityExceeded(supporter, capacity, load,
                    "The supporter already has " + load + " of " + capacity.capacity() + " " + form + " places taken");
        }
    }

    /**
     * Co-coaching peers need no offer (they are mostly self-selecting), but a peer who declared a
     * co-coaching capacity in the directory is held to it, as directory-service counts peers' places.
     */
    private void requireFreeCoCoachingPlace(UUID peer) {
        readModel.lockCapacity(peer, SupportForm.CO_COACHING).ifPresent(capacity -> {
            long load = relationships.openPlaces(peer, SupportForm.CO_COACHING);
            if (load >= capacity.capacity()) {
                throw capacityExceeded(peer, capacity, load,
                        "Peer " + peer + " already has " + load + " of " + capacity.capacity() + " co-coaching places taken");
            }
        });
    }

    private static RuleViolation capacityExceeded(UUID supporter, DirectoryReadModel.Capacity capacity, long load,
                                                  String detail) {
        return RuleViolation.conflict("capacity-exceeded", detail)
                .with("supporterId", supporter)
                .with("capacity", capacity.capacity())
                .with("load", load);
    }

    // ---- lifecycle ------------------------------------------------------------------------

    @Transactional
    public Relationship accept(UUID id, Caller caller) {
        Relationship r = lockVisible(id, caller);
        r.accept(caller, TrackedEntity.now());
        if (r.status == RelationshipStatus.AGREEMENT_PENDING) {
            events.lifecycle(r, RelationshipEvents.ACCEPTED);
        }
        return r;
    }

    @Transactional
    public Relationship decline(UUID id, Caller caller, String reason) {
        return transition(id, caller, RelationshipEvents.DECLINED, r -> r.decline(caller, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship withdraw(UUID id, Caller caller, String reason) {
        return transition(id, caller, RelationshipEvents.WITHDRAWN, r -> r.withdraw(caller, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship activate(UUID id, Caller caller) {
        return transition(id, caller, RelationshipEvents.ACTIVATED,
                r -> r.activate(caller, agreementOf(r), TrackedEntity.now()));
    }

    @Transactional
    public Relationship pause(UUID id, Caller caller, String reason) {
        return transition(id, caller, RelationshipEvents.PAUSED, r -> r.pause(caller, reason, TrackedEntity.now()));
    }

    @Transactional
    public Relationship resume(UUID id, Caller caller) {
        return transition(id, caller, RelationshipEvents.RESUMED,
                r -> r.resume(caller, agreementOf(r), TrackedEntity.now()));
    }

    @Transactional
    public Relationship close(UUID id, Caller caller, ClosingOutcome outcome, String reason) {
        return transition(id, caller, RelationshipEvents.CLOSED, r -> r.close(caller, outcome, reason, TrackedEntity.now()));
    }

    /** Every lifecycle action: lock the row, check the caller may see it, apply the domain rule, publish. */
    private Relationship transition(UUID id, Caller caller, String event, Consumer<Relationship> action) {
        Relationship r = lockVisible(id, caller);
        action.accept(r);
        events.lifecycle(r, event);
        return r;
    }

    // ---- agreement ------------------------------------------------------------------------

    /** The current version, or {@code version} when given. */
    public AgreementState agreement(UUID id, Integer version, Caller caller) {
        Relationship r = get(id, caller);
        LearningAgreement a = agreementOf(r);
        return new AgreementState(a, version == null ? a.current() : a.version(version), r.participantIds());
    }

    /** A new version from the edited terms; the old signatures stay with the old version. */
    @Transactional
    public AgreementState revise(UUID id, Caller caller, String ifMatch, AgreementTerms terms) {
        Relationship r = lockVisible(id, caller);
        r.requireAgreementEditable(caller);
        LearningAgreement a = agreementOf(r);
        ETags.requireMatch(ifMatch, a);
        a.revise(terms, Callers.label(caller), TrackedEntity.now());
        events.agreementVersioned(r, a);
        return new AgreementState(a, a.current(), r.participantIds());
    }

    @Transactional
    public AgreementState sign(UUID id, int version, Caller caller) {
        Relationship r = lockVisible(id, caller);
        r.requireSignable(caller);
        LearningAgreement a = agreementOf(r);
        int before = a.current().signatures.size();
        a.sign(version, caller.practitionerId(), r.participantIds(), TrackedEntity.now());
        if (a.current().signatures.size() > before) {
            events.agreementSigned(r, a);
        }
        return new AgreementState(a, a.current(), r.participantIds());
    }

    LearningAgreement agreementOf(Relationship r) {
        return relationships.agreementOf(r.id)
                .orElseThrow(() -> RuleViolation.notFound("learning agreement of relationship", r.id));
    }

    // ---- reading --------------------------------------------------------------------------

    public Relationship get(UUID id, Caller caller) {
        RelationshipRepository.WithParticipants found = relationships.withParticipants(id) // the one statement of the read
                .orElseThrow(() -> RuleViolation.notFound("relationship", id));
        Relationship r = found.relationship();
        Collection<Set<UUID>> partnerships = caller.isPartnershipAdmin() && !caller.partnershipIds().isEmpty()
                ? found.participants().stream().map(p -> p.toPerson().partnershipIds()).toList()
                : List.of(); // only an admin's access depends on the participants' partnerships
        if (!RelationshipAccess.canSee(caller, r, partnerships)) {
            throw RuleViolation.notFound("relationship", id);
        }
        return r;
    }

    /**
     * {@code participant}: {@code me}, or a practitioner the caller may look at (themselves, one
     * of their schools' staff as school lead, one of their partnerships' as admin); without it, a
     * school lead's schools.
     */
    public Page<Relationship> list(Caller caller, String participant, List<RelationshipStatus> statuses,
                                   SupportForm form, PageRequest page) {
        if (participant != null) {
            return relationships.page(page, statuses, form, resolve(participant, caller), null);
        }
        if (caller.isSchoolLead() && !caller.schoolUrns().isEmpty()) {
            return relationships.page(page, statuses, form, null, caller.schoolUrns());
        }
        throw RuleViolation.invalidField("participant", "give `me` or a practitioner id");
    }

    private UUID resolve(String participant, Caller caller) {
        if ("me".equals(participant)) {
            return caller.practitioner().orElseThrow(
                    () -> RuleViolation.forbidden("The token names no practitioner, so `me` means nobody"));
        }
        UUID id;
        try {
            id = UUID.fromString(participant);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("participant", "must be `me` or a practitioner id (UUID)");
        }
        boolean allowed = caller.isSelf(id) || readModel.practitioner(id)
                .map(p -> ParticipantAccess.managedBy(caller, p.toPerson())).orElse(false);
        if (!allowed) {
            throw RuleViolation.forbidden("You may list only your own relationships or those of your schools' practitioners");
        }
        return id;
    }

    private Relationship lockVisible(UUID id, Caller caller) {
        Relationship r = relationships.lock(id).orElseThrow(() -> RuleViolation.notFound("relationship", id));
        requireVisible(r, caller);
        return r;
    }

    /** The partnerships of the relationship's participants (directory read model): whose admins read its audit. */
    public Set<UUID> partnershipsOf(Relationship r) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        readModel.practitioners(r.participantIds()).forEach(p -> ids.addAll(p.toPerson().partnershipIds()));
        return ids;
    }

    /** Those {@link RelationshipAccess} lets see it; others see nothing (404). */
    void requireVisible(Relationship r, Caller caller) {
        Collection<Set<UUID>> partnerships = caller.isPartnershipAdmin() && !caller.partnershipIds().isEmpty()
                ? readModel.practitioners(r.participantIds()).stream().map(p -> p.toPerson().partnershipIds()).toList()
                : List.of(); // only an admin's access depends on the participants' partnerships
        if (!RelationshipAccess.canSee(caller, r, partnerships)) {
            throw RuleViolation.notFound("relationship", r.id);
        }
    }
}
