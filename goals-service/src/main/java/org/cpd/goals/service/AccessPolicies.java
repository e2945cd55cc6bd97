package org.cpd.goals.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.goals.domain.AccessPolicy;
import org.cpd.goals.repository.RelationshipReadModel;

/** The {@link AccessPolicy} of this request's caller, built once: the caller plus the ACTIVE relationships they are in. */
@RequestScoped
public class AccessPolicies {

    @Inject
    CurrentUser user;

    @Inject
    RelationshipReadModel relationships;

    private AccessPolicy current;

    public AccessPolicy current() {
        if (current == null) {
            Caller caller = user.caller();
            UUID practitioner = caller.practitionerId();
            Set<UUID> active = practitioner == null ? Set.of() : relationships.activeRelationshipsOf(practitioner);
            current = new AccessPolicy(caller, active);
        }
        return current;
    }

    /**
     * The policy for deciding about one item, given the caller's ACTIVE relationships among those it is shared
     * with (read with the item, so no query of its own). It answers for that item as {@link #current()} does;
     * once {@link #current()} has been built in this request, that one is used.
     */
    public AccessPolicy forItem(Set<UUID> activeRelationshipsSharedWithCaller) {
        return current != null ? current : new AccessPolicy(user.caller(), activeRelationshipsSharedWithCaller);
    }

    /** The caller's practitioner id, null when the token names none. */
    public UUID viewer() {
        return user.caller().practitionerId();
    }

    /**
     * What a list may show: the items of {@code entity} the caller may read, of one owner if asked.
     * Empty when the caller asks for their own but can own none (no practitioner id): nothing to list.
     */
    public Optional<Criteria> readable(String entity, OwnerFilter owner) {
        AccessPolicy policy = current();
        UUID ownerId = owner.me() ? policy.caller().practitionerId() : owner.practitionerId();
        if (owner.me() && ownerId == null) {
            return Optional.empty();
        }
        AccessPolicy.Predicate readable = policy.readableWhere(entity);
        Criteria criteria = Criteria.where().and(readable.jpql());
        readable.params().forEach(criteria::param);
        return Optional.of(criteria.and("ownerId = :owner", "owner", ownerId));
    }
}
