package org.cpd.goals.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.BatchSize;

/** A review of a goal and the action plan that follows it. */
@Entity
@Table(name = "goal_review")
public class GoalReview extends TrackedEntity {

    @Column(name = "goal_id", nullable = false, updatable = false)
    public UUID goalId;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    public UUID reviewerId;

    @Column(name = "reviewed_on", nullable = false)
    public LocalDate reviewedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Progress progress;

    @Column(nullable = false)
    public String learned;

    /** Why the approach worked or did not, so it can be adapted elsewhere. */
    @Column(name = "why_it_worked")
    public String whyItWorked;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_action", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<ReviewAction> actions = new ArrayList<>();
}
