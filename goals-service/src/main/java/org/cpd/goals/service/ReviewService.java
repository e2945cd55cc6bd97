package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.GoalStatus;
import org.cpd.goals.domain.ReviewAction;
import org.cpd.goals.events.GoalsPublisher;

/** Reviews of a goal with their action plans, written by the learner or an active supporter. */
@ApplicationScoped
@Transactional
public class ReviewService {

    @Inject
    GoalService goals;

    @Inject
    AccessPolicies access;

    @Inject
    GoalsPublisher events;

    @Inject
    AuditLog audit;

    public GoalReview review(UUID goalId, ReviewCommand c) {
        AccessPolicy policy = access.current();
        Goal goal = goals.readable(goalId);
        if (!policy.canReview(goal)) {
            throw RuleViolation.forbidden("Reviews are written by the learner or a supporter in an active relationship");
        }
        if (goal.status == GoalStatus.DRAFT) {
            throw RuleViolation.conflict("goal-not-started", "Goal " + goalId + " is still a DRAFT: activate it before reviewing it.");
        }
        if (c.reviewedOn().isAfter(LocalDate.now())) {
            throw RuleViolation.invalid("review-in-future", "reviewedOn " + c.reviewedOn() + " is in the future.");
        }
        for (ReviewAction action : c.actions()) {
            if (action.dueOn.isBefore(c.reviewedOn())) {
                throw RuleViolation.invalid("action-due-before-review",
                        "Action '" + action.description + "' is due before the review date.");
            }
        }
        GoalReview r = new GoalReview();
        r.goalId = goal.id;
        r.reviewerId = policy.requirePractitioner();
        r.reviewedOn = c.reviewedOn();
        r.progress = c.progress();
        r.learned = c.learned().strip();
        r.whyItWorked = c.whyItWorked();
        r.actions.addAll(c.actions());
        r.persist();
        events.goalReviewed(goal, r);
        audit.entry("review", "goal", goal.id).about(goal.ownerId(), null).inCallersPartnerships()
                .details("review " + r.id).record();
        return r;
    }

    public Page<GoalReview> list(UUID goalId, PageRequest page) {
        page.validate();
        goals.readable(goalId);
        return Paging.page(page, Criteria.where().and("goalId = :goal", "goal", goalId), GoalReview.class);
    }
}
