package org.cpd.relationships.domain;

import java.util.Collection;
import java.util.UUID;
import org.cpd.commons.security.Caller;

/**
 * Who may see the insight views (aggregates, never a record): the partnership view is for that
 * partnership's admins; a school's view is for the school's leads and for the admins of a partnership
 * the school's practitioners belong to. Everyone else gets 404, so nothing says the partnership or
 * school is known here. MIS clients read no insight.
 */
public final class InsightAccess {

    private InsightAccess() {
    }

    public static boolean seesPartnership(Caller caller, UUID partnership) {
        return caller.administers(partnership);
    }

    /** @param schoolsPartnerships the partnerships of the school's known practitioners; consulted for admins only */
    public static boolean seesSchool(Caller caller, String urn, Collection<UUID> schoolsPartnerships) {
        if (caller.isSchoolLead() && urn != null && caller.schoolUrns().contains(urn)) {
            return true;
        }
        return caller.isPartnershipAdmin() && schoolsPartnerships.stream().anyMatch(caller::administers);
    }
}
