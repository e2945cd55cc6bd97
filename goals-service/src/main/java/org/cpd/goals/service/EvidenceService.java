package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.commons.audit.AuditLog;
import org.cpd.contracts.goals.EvidenceAddedData;
import org.cpd.contracts.goals.EvidenceLinkedData;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.EvidenceType;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.RuleViolation;
import org.cpd.goals.domain.Standard;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.persistence.RelationshipReadModel;

/** Evidence from practice: recorded by its owner, linked to their goals and mapped to standards. */
@ApplicationScoped
@Transactional
public class EvidenceService {

    @Inject
    Viewers viewers;

    @Inject
    RelationshipReadModel relationships;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    public Evidence create(EvidenceCommand c) {
        UUID owner = viewers.requirePractitioner();
        Evidence e = new Evidence();
        e.ownerId = owner;
        e.type = c.type();
        e.occurredOn = c.occurredOn();
        e.title = c.title().strip();
        e.description = c.description();
        e.reflection = c.reflection();
        e.videoUrl = c.videoUrl();
        e.videoMoments = c.videoMoments() == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(c.videoMoments());
        e.requireConsistent(LocalDate.now());
        Visibility visibility = c.visibility() == null ? Visibility.PRIVATE : c.visibility();
        List<UUID> rels = c.relationshipIds() == null ? List.of() : c.relationshipIds();
        AccessPolicy.checkSharing(owner, visibility, rels, c.schoolUrn(), viewers.schoolUrns(), relationships::facts);
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
        outbox.publish("evidence", e.id, "evidence-added", addedData(e));
        audit.record("create", "evidence", e.id, null);
        return e;
    }

    public Evidence read(UUID id) {
        Evidence e = readable(id);
        if (!AccessPolicy.isOwner(viewers.current(), e)) {
            audit.record("read", "evidence", id, "shared " + e.visibility);
        }
        return e;
    }

    public Evidence readable(UUID id) {
        Evidence e = Evidence.findById(id);
        if (e == null || !AccessPolicy.canRead(viewers.current(), e)) {
            throw Problems.notFound("evidence", id);
        }
        return e;
    }

    public Evidence ownEvidence(UUID id) {
        Evidence e = readable(id);
        if (!AccessPolicy.canEdit(viewers.current(), e)) {
            throw Problems.forbidden("Only the learner who recorded evidence changes it");
        }
        return e;
    }

    public Page<Evidence> list(PageRequest page, String owner, UUID goalId, EvidenceType type) {
        page.validate();
        AccessPolicy.Viewer viewer = viewers.current();
        UUID ownerId = Owners.parse(owner, viewer);
        if ("me".equalsIgnoreCase(owner) && ownerId == null) {
            return new Page<>(List.of(), null);
        }
        AccessPolicy.Predicate readable = AccessPolicy.readableWhere(viewer, "Evidence");
        Criteria criteria = Criteria.where().and(readable.jpql());
        readable.params().forEach(criteria::param);
        criteria.and("ownerId = :owner", "owner", ownerId)
                .and("type = :type", "type", type)
                .and("id in (select linked.id from Evidence linked join linked.goalIds linkedGoal where linkedGoal = :goal)",
                        "goal", goalId);
        return Paging.page(page, criteria, Evidence.class);
    }

    /** Links evidence to one more of the owner's goals; linking twice changes nothing. */
    public Evidence link(UUID evidenceId, UUID goalId) {
        Evidence e = ownEvidence(evidenceId);
        requireOwnGoal(e.ownerId, goalId);
        if (e.goalIds.add(goalId)) {
            e.updatedAt = org.cpd.commons.persistence.TrackedEntity.now();
            Evidence.getEntityManager().flush();
            if (e.visibility != Visibility.PRIVATE) { // private evidence's links stay private too
                outbox.publish("evidence", e.id, "evidence-linked", new EvidenceLinkedData(e.id, goalId, e.ownerId));
            }
            audit.record("link", "evidence", e.id, "goal " + goalId);
        }
        return e;
    }

    public Map<UUID, List<Attachment>> attachmentsOf(Collection<UUID> evidenceIds) {
        if (evidenceIds.isEmpty()) {
            return Map.of();
        }
        List<Attachment> all = Attachment.list("evidenceId in ?1 order by createdAt", evidenceIds);
        return all.stream().collect(Collectors.groupingBy(a -> a.evidenceId));
    }

    private static void requireOwnGoal(UUID owner, UUID goalId) {
        Goal goal = Goal.findById(goalId);
        if (goal == null || !goal.ownerId.equals(owner)) {
            throw RuleViolation.unprocessable("unknown-goal", "No goal " + goalId + " of yours to link evidence to.");
        }
    }

    private static EvidenceAddedData addedData(Evidence e) {
        if (e.visibility == Visibility.PRIVATE) {
            return new EvidenceAddedData(e.id, e.ownerId, e.visibility.name(), e.occurredOn, null, List.of(), List.of());
        }
        List<String> codes = e.standardIds.stream().map(id -> Standard.<Standard>findById(id))
                .map(s -> s.framework.code + ":" + s.code).sorted().toList();
        return new EvidenceAddedData(e.id, e.ownerId, e.visibility.name(), e.occurredOn, e.type.name(),
                e.goalIds.stream().sorted().toList(), codes);
    }
}
