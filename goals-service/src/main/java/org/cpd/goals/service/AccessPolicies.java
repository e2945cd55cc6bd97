package org.cpd.goals.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
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
}
