package org.cpd.goals.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.BatchSize;

/**
 * A professional learner's challenging, personal goal, rooted in an aspiration for pupils. Its
 * lifecycle is {@link GoalStatus}; who may see it is {@link AccessPolicy}.
 */
@Entity
@Table(name = "goal")
public class Goal extends SharedItem {

    public String title;

    public String pupilAspiration;

    @Enumerated(EnumType.STRING)
    public Priority priority;

    public String successCriteria;

    /** What the learner can do now. */
    public String currentPractice;

    /** What they cannot yet do alone: why the goal stretches them. */
    public String stretch;

    public LocalDate targetDate;

    @Enumerated(EnumType.STRING)
    public SetBy setBy;

    @Enumerated(EnumType.STRING)
    public GoalStatus status = GoalStatus.DRAFT;

    /** Relationships the goal is pursued in (optional: a goal can exist before support is found). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "goal_relationship", joinColumns = @JoinColumn(name = "goal_id"))
    @Column(name = "relationship_id")
    @BatchSize(size = 100)
    public Set<UUID> relationshipIds = new HashSet<>();

    public String discontinuedReason;

    public UUID supersedes;

    public UUID supersededBy;

    public Instant statusChangedAt;

    public void activate() {
        moveTo(GoalStatus.ACTIVE);
    }

    public void achieve() {
        moveTo(GoalStatus.ACHIEVED);
    }

    public void discontinue(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.invalid("reason-required", "Discontinuing a goal needs a reason.");
        }
        moveTo(GoalStatus.DISCONTINUED);
        discontinuedReason = reason.strip();
    }

    /** Replaces this goal by {@code successor}: this one becomes REVISED, the successor continues it. */
    public void reviseInto(Goal successor) {
        moveTo(GoalStatus.REVISED);
        supersededBy = successor.id;
        successor.supersedes = id;
        successor.status = GoalStatus.ACTIVE;
        successor.statusChangedAt = statusChangedAt;
    }

    /** Content can change while the goal is open; a finished goal is a record and stays as it was. */
    public void requireEditable() {
        if (status.isFinal()) {
            throw RuleViolation.conflict("goal-closed",
                    "Goal " + id + " is " + status + " and can no longer be changed; set a new goal instead.");
        }
    }

    /** A goal looks forward: a new target date in the past is refused. */
    public static void requireFutureTarget(LocalDate targetDate, LocalDate today) {
        if (targetDate != null && targetDate.isBefore(today)) {
            throw RuleViolation.invalid("target-date-in-past",
                    "targetDate " + targetDate + " is in the past; a goal's target date must be today or later.");
        }
    }

    private void moveTo(GoalStatus target) {
        if (!status.canMoveTo(target)) {
            throw RuleViolation.conflict("invalid-status-transition",
                    "A " + status + " goal cannot become " + target + "; allowed: " + status.next() + ".");
        }
        status = target;
        statusChangedAt = TrackedEntity.now();
    }

    /**
     * The fields an edit may change, by name, as they are now: comparing two of these tells which
     * fields an edit changed (and whether it changed anything at all).
     */
    public Map<String, Object> editableFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("pupilAspiration", pupilAspiration);
        fields.put("priority", priority);
        fields.put("successCriteria", successCriteria);
        fields.put("currentPractice", currentPractice);
        fields.put("stretch", stretch);
        fields.put("targetDate", targetDate);
        fields.put("setBy", setBy);
        fields.put("visibility", visibility);
        fields.put("schoolUrn", schoolUrn);
        fields.put("relationshipIds", Set.copyOf(relationshipIds));
        return fields;
    }

    /** Names of the fields whose values differ between two {@link #editableFields()} snapshots, sorted. */
    public static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        return after.keySet().stream().filter(name -> !Objects.equals(before.get(name), after.get(name))).sorted().toList();
    }

    @Override
    public Set<UUID> sharedRelationshipIds() {
        return relationshipIds;
    }
}
