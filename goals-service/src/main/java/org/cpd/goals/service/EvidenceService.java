package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.Standard;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.events.GoalsPublisher;
import org.cpd.goals.repository.RelationshipReadModel;

/** Evidence from practice: recorded by its owner, linked to their goals and mapped to standards. */
@ApplicationScoped
@Transactional
public class EvidenceService {

    @Inject
    AccessPolicies access;

    @Inject
    RelationshipReadModel relationships;

    @Inject
    GoalsPublisher events;

    @Inject
    AuditLog audit;

    public AttachedEvidence create(EvidenceCommand c) {
        AccessPolicy policy = access.current();
        UUID owner = policy.requirePractitioner();
        Evidence e = new Evidence();
        e.ownerId = owner;
        e.countUnder(policy.caller());
        e.type = c.type();
        e.occurredOn = c.occurredOn();
        e.title = c.title().strip();
        e.description = c.description();
        e.reflection = c.reflection();
        e.videoUrl = c.videoUrl();
        e.videoMoments = c.videoMoments() == null ? new ArrayList<>() : new ArrayList<>(c.videoMoments());
        e.requireConsistent(LocalDate.now());
        Visibility visibility = c.visibility() == null ? Visibility.PRIVATE : c.visibility();
        List<UUID> rels = c.relationshipIds() == null ? List.of() : c.relationshipIds();
        AccessPolicy.checkSharing(owner, visibility, rels, c.schoolUrn(), policy.caller().schoolUrns(), relationships::facts);
        e.visibility = visibility;
        e.schoolUrn = visibility == Visibility.SCHOOL ? c.schoolUrn() : null;
        e.relationshipIds.addAll(rels);
        List<UUID> goalIds = c.goalIds() == null ? List.of() : c.goalIds();
        goalIds.forEach(g -> requireOwnGoal(owner, g));
        e.goalIds.addAll(goalIds);
        List<UUID> standardIds = c.standardIds() == null ? List.of() : c.standardIds();
        for (UUID s : standardIds) {
            if (Standard.findById(s) == null) {
                throw RuleViolation.unprocessable("unknown-standard", "No standard " + s + " in any standards framework.");
            }
        }
        e.standardIds.addAll(standardIds);
        e.persist();
        events.evidenceAdded(e);
        audit.entry("create", "evidence", e.id).about(e.ownerId(), null).inCallersPartnerships().record();
        return new AttachedEvidence(e, List.of());
    }

    public AttachedEvidence read(UUID id) {
        Evidence e = readable(id);
        if (!access.current().isOwner(e)) {
            audit.entry("read", "evidence", id).about(e.ownerId(), null).inCallersPartnerships()
                    .details("shared " + e.visibility).record();
        }
        return withAttachments(e);
    }

    /** Evidence the caller may read, or 404 (also when it exists but is not theirs to see). */
    Evidence readable(UUID id) {
        return findReadable(id).orElseThrow(() -> RuleViolation.notFound("evidence", id));
    }

    Optional<Evidence> findReadable(UUID id) {
        return Evidence.<Evidence>findByIdOptional(id).filter(access.current()::canRead);
    }

    Evidence ownEvidence(UUID id) {
        Evidence e = readable(id);
        if (!access.current().canEdit(e)) {
            throw RuleViolation.forbidden("Only the learner who recorded evidence changes it");
        }
        return e;
    }

    public Page<AttachedEvidence> list(PageRequest page, OwnerFilter owner, UUID goalId, EvidenceType type) {
        page.validate();
        Page<Evidence> evidence = access.readable("Evidence", owner).map(criteria -> Paging.page(page, criteria
                        .and("type = :type", "type", type)
                        .and("id in (select linked.id from Evidence linked join linked.goalIds linkedGoal where linkedGoal = :goal)",
                                "goal", goalId), Evidence.class))
                .orElseGet(() -> new Page<>(List.of(), null));
        Map<UUID, List<Attachment>> files = attachmentsOf(evidence.items().stream().map(e -> e.id).toList());
        return evidence.map(e -> new AttachedEvidence(e, files.getOrDefault(e.id, List.of())));
    }

    /** Links evidence to one more of the owner's goals; linking twice changes nothing. */
    public AttachedEvidence link(UUID evidenceId, UUID goalId) {
        Evidence e = ownEvidence(evidenceId);
        requireOwnGoal(e.ownerId, goalId);
        if (e.goalIds.add(goalId)) {
            e.updatedAt = TrackedEntity.now();
            Evidence.getEntityManager().flush();
            events.evidenceLinked(e, goalId);
            audit.entry("link", "evidence", e.id).about(e.ownerId(), null).inCallersPartnerships()
                    .details("goal " + goalId).record();
        }
        return withAttachments(e);
    }

    Map<UUID, List<Attachment>> attachmentsOf(Collection<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        List<Attachment> all = Attachment.list("evidenceId in ?1 order by createdAt", evidenceIds);
        return all.stream().collect(Collectors.groupingBy(a -> a.evidenceId));
    }

    private AttachedEvidence withAttachments(Evidence e) {
        return new AttachedEvidence(e, attachmentsOf(List.of(e.id)).getOrDefault(e.id, List.of()));
    }

    private static void requireOwnGoal(UUID owner, UUID goalId) {
        Goal goal = Goal.findById(goalId);
        if (goal == null || !goal.ownerId.equals(owner)) {
            throw RuleViolation.unprocessable("unknown-goal", "No goal " + goalId + " of yours to link evidence to.");
        }
    }
}
