package org.cpd.commons.insight;

import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * A service's part of the insight views: who may see it ({@link InsightAccess}, 404 for anyone else), the
 * views kept for a while ({@link InsightViews}) and the service's {@link Suppression}. A part computes its view
 * for a scope (a value naming every filter) and answers through {@link #partnershipView} and {@link #schoolView}.
 */
public abstract class InsightPart {

    @Inject
    protected InsightViews views;

    @Inject
    protected Suppression suppression;

    /** The view of a partnership, for its admins. */
    protected <V> V partnershipView(Caller caller, UUID partnership, Object scope, Supplier<V> compute) {
        if (!InsightAccess.seesPartnership(caller, partnership)) {
            throw RuleViolation.notFound("partnership", partnership);
        }
        return views.of(scope, compute);
    }

    /**
     * The view of a school, for its leads and the admins of a partnership the school's records belong to;
     * {@code partnershipsOfSchool} is asked for admins only.
     */
    protected <V> V schoolView(Caller caller, String urn, Function<String, Collection<UUID>> partnershipsOfSchool,
                               Object scope, Supplier<V> compute) {
        Collection<UUID> partnerships = caller.isPartnershipAdmin() ? partnershipsOfSchool.apply(urn) : List.of();
        if (!InsightAccess.seesSchool(caller, urn, partnerships)) {
            throw RuleViolation.notFound("school", urn);
        }
        return views.of(scope, compute);
    }
}
