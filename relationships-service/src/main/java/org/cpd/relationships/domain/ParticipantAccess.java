package org.cpd.relationships.domain;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;

/**
 * Who may see what this service knows of a practitioner (school, partnerships, active flag,
 * capacity and load). The same people directory-service shows the person to, so this read model
 * reveals nothing the directory hides:
 * <ul>
 *   <li>the person themself;</li>
 *   <li>a school lead (or the school's MIS client) of the person's school;</li>
 *   <li>a partnership admin of one of the person's partnerships;</li>
 *   <li>a practitioner or school lead who could propose a relationship with them within a shared
 *       partnership (a learner choosing a coach, a lead assigning a mentor from another school, peers).</li>
 * </ul>
 * Everyone else gets 404, as for a practitioner nobody has heard of.
 */
public final class ParticipantAccess {

    private ParticipantAccess() {
    }

    /**
     * @param person       the practitioner as the read model knows them
     * @param callerRecord the caller's own read-model record, when the caller is a known practitioner
     */
    public static boolean canSee(Caller caller, Person person, Optional<Person> callerRecord) {
        return managedBy(caller, person) || couldProposeWith(caller, person, callerRecord);
    }

    /** The person, and those who manage their record: these may also list the person's relationships. */
    public static boolean managedBy(Caller caller, Person person) {
        return caller.isSelf(person.id())
                || caller.leadsSchool(person.schoolUrn())
                || person.partnershipIds().stream().anyMatch(caller::administers);
    }

    /** Proposals are made by practitioners and school leads; within a partnership they share with the other party. */
    static boolean couldProposeWith(Caller caller, Person person, Optional<Person> callerRecord) {
        if (caller.practitionerId() == null || !(caller.is(Roles.PRACTITIONER) || caller.isSchoolLead())) {
            return false;
        }
        Set<UUID> callersPartnerships = new HashSet<>(caller.partnershipIds());
        callerRecord.filter(Person::active).ifPresent(me -> callersPartnerships.addAll(me.partnershipIds()));
        return person.partnershipIds().stream().anyMatch(callersPartnerships::contains);
    }
}
