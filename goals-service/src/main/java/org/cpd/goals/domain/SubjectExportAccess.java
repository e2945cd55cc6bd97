package org.cpd.goals.domain;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;

/** Who may export a person's goals and evidence: the person, or an admin of a partnership they were recorded in. */
public final class SubjectExportAccess {

    private SubjectExportAccess() {
    }

    public static boolean mayExport(Caller caller, UUID person, Set<UUID> recordedPartnerships) {
        return caller.isSelf(person)
                || (caller.isPartnershipAdmin() && recordedPartnerships.stream().anyMatch(caller::administers));
    }
}
