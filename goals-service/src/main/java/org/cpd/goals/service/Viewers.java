package org.cpd.goals.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.goals.domain.AccessPolicy.Viewer;
import org.cpd.goals.persistence.RelationshipReadModel;

/** The caller as {@link Viewer}: token claims plus the ACTIVE relationships they take part in. */
@RequestScoped
public class Viewers {

    @Inject
    CurrentUser user;

    @Inject
    RelationshipReadModel relationships;

    private Viewer viewer;

    public Viewer current() {
        if (viewer == null) {
            UUID practitioner = user.practitionerId().orElse(null);
            Set<UUID> active = practitioner == null ? Set.of() : relationships.activeRelationshipsOf(practitioner);
            viewer = new Viewer(practitioner, user.is(Roles.SCHOOL_LEAD), user.schoolUrns(), active);
        }
        return viewer;
    }

    /** Goals and evidence belong to practitioners: a caller without a practitioner id cannot own any. */
    public UUID requirePractitioner() {
        return user.practitionerId().orElseThrow(() ->
                Problems.forbidden("Only a practitioner can own goals and evidence: the token has no practitioner_id"));
    }

    public Set<String> schoolUrns() {
        return user.schoolUrns();
    }

}
