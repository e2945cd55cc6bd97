package org.cpd.commons.insight;

import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * Who may see an insight view (aggregates, never a record), the same in every service that serves a
 * part of one: a partnership's view is for that partnership's admins; a school's view is for the
 * school's leads and for the admins of a partnership the school's records belong to. Everyone else
 * gets 404, so nothing says the partnership or school is known here. MIS clients read no insight.
 */
public final class InsightAccess {

    private InsightAccess() {
    }

    public static boolean seesPartnership(Caller caller, UUID partnership) {
        return caller.administers(partnership);
    }

    /**
     * @param schoolsPartnerships the partnerships this service has recorded for the school's records;
     *                            consulted for admins only
     */
    public static boolean seesSchool(Caller caller, String urn, Collection<UUID> schoolsPartnerships) {
        if (caller.isSchoolLead() && urn != null && caller.schoolUrns().contains(urn)) {
            return true;
        }
        return caller.isPartnershipAdmin() && schoolsPartnerships.stream().anyMatch(caller::administers);
    }

    /** The view's date filter: {@code from} and {@code to} are inclusive and either may be open. */
    public static void checkRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw RuleViolation.invalid("invalid-date-range", "from (" + from + ") is after to (" + to + ")")
                    .with("from", from.toString()).with("to", to.toString());
        }
    }
}
