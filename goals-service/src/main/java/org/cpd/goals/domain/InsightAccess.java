package org.cpd.goals.domain;

import java.util.Collection;
import java.util.UUID;
import org.cpd.commons.security.Caller;

/**
 * Who may see the goals part of the insight views (aggregates only): a partnership's view for its
 * admins; a school's for its leads and for admins of a partnership its goals' owners belong to.
 * Everyone else gets 404.
 */
public final class InsightAccess {

    private InsightAccess() {
    }

    public static boolean seesPartnership(Caller caller, UUID partnership) {
        return caller.administers(partnership);
    }

    /** @param schoolsPartnerships the partnerships recorded with the school's goals and evidence; consulted for admins only */
    public static boolean seesSchool(Caller caller, String urn, Collection<UUID> schoolsPartnerships) {
        if (caller.isSchoolLead() && urn != null && caller.schoolUrns().contains(urn)) {
            return true;
        }
        return caller.isPartnershipAdmin() && schoolsPartnerships.stream().anyMatch(caller::administers);
    }
}
