package org.cpd.goals.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Goal lifecycle: DRAFT → ACTIVE → ACHIEVED | REVISED | DISCONTINUED. The three end states are final:
 * a goal that changes shape is REVISED into a successor goal rather than edited, so its history stays.
 */
public enum GoalStatus {
    DRAFT, ACTIVE, ACHIEVED, REVISED, DISCONTINUED;

    public Set<GoalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(ACHIEVED, REVISED, DISCONTINUED);
            case ACHIEVED, REVISED, DISCONTINUED -> EnumSet.noneOf(GoalStatus.class);
        };
    }

    public boolean canMoveTo(GoalStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
