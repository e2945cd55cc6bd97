package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.Visibility;
import org.cpd.goals.events.GoalsPublisher;
import org.cpd.goals.repository.GoalQueries;
import org.cpd.goals.repository.RelationshipReadModel;

/** Goal use cases. Every read and write passes {@link AccessPolicy}; every change emits its event. */
@ApplicationScoped
@Transactional
public class GoalService {

    @Inject
    GoalQueries goalQueries;

    @Inject
    AccessPolicies access;

    @Inject
    RelationshipReadModel relationships;

    @Inject
    GoalsPublisher events;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemDefaultZone();

    public Goal create(GoalCommand command) {
        UUID owner = access.current().requirePractitioner();
        Goal.requireFutureTarget(command.targetDate(), LocalDate.now(clock));
        Goal goal = new Goal();
        goal.ownerId = owner;
        goal.countUnder(access.current().caller());
        goal.status = GoalStatus.DRAFT;
        goal.statusChangedAt = TrackedEntity.now();
        applyContent(goal, command, true);
        goal.persist();
        events.goalSet(goal);
        audit.entry("create", "goal", goal.id).about(goal.ownerId(), null).inCallersPartnerships().record();
        return goal;
    }

    /** One statement and no transaction of its own: it writes nothing (the read's audit entry is written behind). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Goal read(UUID id) {
        GoalQueries.GoalRead found = goalQueries.read(id, access.viewer()).orElse(null); // the one statement of the read
        AccessPolicy policy = found == null ? null : access.forItem(found.activeRelationshipsOfViewer());
        if (found == null || !policy.canRead(found.goal())) {
            throw RuleViolation.notFound("goal", id);
        }
        Goal goal = found.goal();
        if (!policy.isOwner(goal)) {
            audit.entry("read", "goal", id).about(goal.ownerId(), null).inCallersPartnerships()
                    .details("shared " + goal.visibility).record();
        }
        return goal;
    }

    public Page<Goal> list(PageRequest page, OwnerFilter owner, GoalStatus status, UUID relationshipId, Visibility visibility) {
        page.validate();
        return access.readable("Goal", owner).map(criteria -> Paging.page(page, criteria
                        .and("status = :status", "status", status)
                        .and("visibility = :visibility", "visibility", visibility)
                        .and("id in (select linked.id from Goal linked join linked.relationshipIds linkedRel where linkedRel = :relationship)",
                                "relationship", relationshipId), Goal.class))
                .orElseGet(() -> new Page<>(List.of(), null));
    }

    public Goal replace(UUID id, String ifMatch, GoalCommand command) {
        return change(id, ifMatch, goal -> {
            if (!command.targetDate().equals(goal.targetDate)) {
                Goal.requireFutureTarget(command.targetDate(), LocalDate.now(clock));
            }
            applyContent(goal, command, true);
        });
    }

    public Goal patch(UUID id, String ifMatch, GoalCommand patch) {
        return change(id, ifMatch, goal -> {
            if (patch.targetDate() != null && !patch.targetDate().equals(goal.targetDate)) {
                Goal.requireFutureTarget(patch.targetDate(), LocalDate.now(clock));
            }
            applyContent(goal, patch, false);
        });
    }

    public Goal activate(UUID id, String ifMatch) {
        return transition(id, ifMatch, Goal::activate);
    }

    public Goal achieve(UUID id, String ifMatch) {
        return transition(id, ifMatch, Goal::achieve);
    }

    public Goal discontinue(UUID id, String ifMatch, String reason) {
        return transition(id, ifMatch, goal -> goal.discontinue(reason));
    }

    /** Replaces an ACTIVE goal by a new one; returns the successor. */
    public Goal revise(UUID id, String ifMatch, GoalCommand successorContent) {
        Goal old = editable(id, ifMatch);
        Goal.requireFutureTarget(successorContent.targetDate(), LocalDate.now(clock));
        Goal successor = new Goal();
        successor.id = UUID.randomUUID();
        successor.ownerId = old.ownerId;
        successor.ownerSchoolUrns = old.ownerSchoolUrns;
        successor.ownerPartnershipIds = old.ownerPartnershipIds;
        successor.status = GoalStatus.DRAFT;
        successor.statusChangedAt = TrackedEntity.now();
        applyContent(successor, successorContent, true);
        GoalStatus from = old.status;
        old.reviseInto(successor);
        successor.persist();
        Goal.getEntityManager().flush();
        events.goalSet(successor);
        events.goalStatusChanged(old, from);
        audit.entry("revise", "goal", old.id).about(old.ownerId(), null).inCallersPartnerships()
                .details("successor " + successor.id).record();
        return successor;
    }

    /** A goal the caller may read, or 404 (also when it exists but is not theirs to see). */
    public Goal readable(UUID id) {
        return Goal.<Goal>findByIdOptional(id).filter(access.current()::canRead)
                .orElseThrow(() -> RuleViolation.notFound("goal", id));
    }

    private Goal editable(UUID id, String ifMatch) {
        Goal goal = readable(id);
        if (!access.current().canEdit(goal)) {
            throw RuleViolation.forbidden("Only the learner who owns a goal changes it");
        }
        ETags.requireMatch(ifMatch, goal);
        goal.requireEditable();
        return goal;
    }

    /** Applies an edit; only an edit that changed something is published (and versioned by Hibernate). */
    private Goal change(UUID id, String ifMatch, Consumer<Goal> edit) {
        Goal goal = editable(id, ifMatch);
        Map<String, Object> before = goal.editableFields();
        edit.accept(goal);
        Goal.getEntityManager().flush(); // the response's ETag must be the new version
        List<String> changed = Goal.changedFields(before, goal.editableFields());
        if (!changed.isEmpty()) {
            events.goalUpdated(goal, changed);
        }
        audit.entry("update", "goal", goal.id).about(goal.ownerId(), null).inCallersPartnerships().record();
        return goal;
    }

    private Goal transition(UUID id, String ifMatch, Consumer<Goal> move) {
        Goal goal = readable(id);
        if (!access.current().canEdit(goal)) {
            throw RuleViolation.forbidden("Only the learner who owns a goal changes its status");
        }
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, goal);
        }
        GoalStatus from = goal.status;
        move.accept(goal);
        Goal.getEntityManager().flush();
        events.goalStatusChanged(goal, from);
        audit.entry("status", "goal", goal.id).about(goal.ownerId(), null).inCallersPartnerships()
                .details(from + " -> " + goal.status).record();
        return goal;
    }

    private void applyContent(Goal goal, GoalCommand c, boolean replace) {
        if (replace || c.title() != null) {
            goal.title = c.title().strip();
        }
        if (replace || c.pupilAspiration() != null) {
            goal.pupilAspiration = c.pupilAspiration().strip();
        }
        if (replace || c.priority() != null) {
            goal.priority = c.priority();
        }
        if (replace || c.successCriteria() != null) {
            goal.successCriteria = c.successCriteria().strip();
        }
        if (replace || c.currentPractice() != null) {
            goal.currentPractice = c.currentPractice();
        }
        if (replace || c.stretch() != null) {
            goal.stretch = c.stretch();
        }
        if (replace || c.targetDate() != null) {
            goal.targetDate = c.targetDate();
        }
        if (replace || c.setBy() != null) {
            goal.setBy = c.setBy();
        }
        Visibility visibility = c.visibility() != null ? c.visibility() : replace ? Visibility.PRIVATE : goal.visibility;
        String schoolUrn = replace || c.schoolUrn() != null ? c.schoolUrn() : goal.schoolUrn;
        List<UUID> relationshipIds = c.relationshipIds() != null ? c.relationshipIds()
                : replace ? List.of() : new ArrayList<>(goal.relationshipIds);
        AccessPolicy.checkSharing(goal.ownerId, visibility, relationshipIds, goal.relationshipIds, schoolUrn,
                access.current().caller().schoolUrns(), relationships::facts);
        goal.visibility = visibility;
        goal.schoolUrn = visibility == Visibility.SCHOOL ? schoolUrn : null;
        if (!goal.relationshipIds.equals(new HashSet<>(relationshipIds))) {
            goal.relationshipIds.clear();
            goal.relationshipIds.addAll(relationshipIds);
        }
    }
}
