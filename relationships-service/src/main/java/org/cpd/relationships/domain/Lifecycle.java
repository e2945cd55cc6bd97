package org.cpd.relationships.domain;

import static org.cpd.relationships.domain.RelationshipStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cpd.commons.domain.RuleViolation;

/**
 * The lifecycle state machine: PROPOSED → AGREEMENT_PENDING → ACTIVE ⇄ PAUSED → CLOSED, or
 * DECLINED / WITHDRAWN / EXPIRED before activation. Who may act is decided by {@link Relationship};
 * this class only knows which moves exist.
 */
public final class Lifecycle {

    private static final Map<Transition, Set<RelationshipStatus>> FROM = new EnumMap<>(Transition.class);
    private static final Map<Transition, RelationshipStatus> TO = new EnumMap<>(Transition.class);

    static {
        allow(Transition.ACCEPT, AGREEMENT_PENDING, PROPOSED);
        allow(Transition.DECLINE, DECLINED, PROPOSED, AGREEMENT_PENDING);
        allow(Transition.WITHDRAW, WITHDRAWN, PROPOSED, AGREEMENT_PENDING);
        allow(Transition.ACTIVATE, ACTIVE, AGREEMENT_PENDING);
        allow(Transition.PAUSE, PAUSED, ACTIVE);
        allow(Transition.RESUME, ACTIVE, PAUSED);
        allow(Transition.CLOSE, CLOSED, ACTIVE, PAUSED);
        allow(Transition.EXPIRE, EXPIRED, PROPOSED);
    }

    private Lifecycle() {
    }

    private static void allow(Transition t, RelationshipStatus to, RelationshipStatus... from) {
        FROM.put(t, EnumSet.of(from[0], from));
        TO.put(t, to);
    }

    public static boolean allows(RelationshipStatus from, Transition t) {
        return FROM.get(t).contains(from);
    }

    /** The state after {@code t}, or a conflict {@code invalid-transition}. */
    public static RelationshipStatus next(RelationshipStatus from, Transition t) {
        if (!allows(from, t)) {
            throw RuleViolation.conflict("invalid-transition",
                            "Cannot " + t.name().toLowerCase() + " a relationship that is " + from)
                    .with("currentStatus", from.name())
                    .with("transition", t.name());
        }
        return TO.get(t);
    }
}
