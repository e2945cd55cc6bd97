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

    @Column(updatable = false)
    public UUID goalId;

    @Column(updatable = false)
    public UUID reviewerId;

    public LocalDate reviewedOn;

    @Enumerated(EnumType.STRING)
    public Progress progress;

    public String learned;

    /** Why the approach worked or did not, so it can be adapted elsewhere. */
    public String whyItWorked;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_action", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    public List<ReviewAction> actions = new ArrayList<>();
}
