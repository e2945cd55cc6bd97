package org.cpd.relationships.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.relationships.domain.Actor;

/** The caller as the domain sees them. */
@RequestScoped
public class Actors {

    @Inject
    CurrentUser user;

    public Actor current() {
        return new Actor(user.practitionerId().orElse(null), user.is(Roles.SCHOOL_LEAD), user.schoolUrns(),
                user.is(Roles.PARTNERSHIP_ADMIN), user.partnershipIds(), user.subject());
    }
}
