package org.cpd.relationships.domain;

import org.cpd.commons.security.Caller;

/** Who may act on a practitioner's behalf as far as relationships go. */
public final class ParticipantAccess {

    private ParticipantAccess() {
    }

    /** The person, and those who manage their record: these may list the person's relationships. */
    public static boolean managedBy(Caller caller, Person person) {
        return caller.isSelf(person.id())
                || caller.leadsSchool(person.schoolUrn())
                || person.partnershipIds().stream().anyMatch(caller::administers);
    }
}
