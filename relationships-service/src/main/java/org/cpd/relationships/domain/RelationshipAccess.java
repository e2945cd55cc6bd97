package org.cpd.relationships.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * Who may see and act on a relationship, its agreement, conversations and action points — the
 * whole rule in one place.
 * <ul>
 *   <li>Its participants see it and make every move of its lifecycle.</li>
 *   <li>A school lead of a participant's school (as proposed) oversees it: sees it, may withdraw or
 *       close it, never reads its confidential notes (docs/architecture.md#rule-3-confidential-reflection).</li>
 *   <li>A partnership admin of a participant's partnership sees it.</li>
 *   <li>Everyone else sees nothing: 404, so its existence is not revealed.</li>
 * </ul>
 */
public final class RelationshipAccess {

    private RelationshipAccess() {
    }

    public static boolean isParticipant(Caller caller, Relationship r) {
        return caller.practitionerId() != null && r.participant(caller.practitionerId()).isPresent();
    }

    /** A school lead of any participant's school oversees the relationship. */
    public static boolean oversees(Caller caller, Relationship r) {
        return r.participants.stream().anyMatch(p -> caller.leadsSchool(p.schoolUrn));
    }

    /**
     * @param participantsPartnerships the partnerships of the relationship's participants (from the
     *                                 directory read model); consulted only for partnership admins
     */
    public static boolean canSee(Caller caller, Relationship r, Collection<Set<UUID>> participantsPartnerships) {
        return isParticipant(caller, r) || oversees(caller, r)
                || participantsPartnerships.stream().flatMap(Set::stream).anyMatch(caller::administers);
    }

    /** docs/architecture.md#rule-3-confidential-reflection: the notes are for participants only. */
    public static boolean readsConfidentialNotes(Caller caller, Relationship r) {
        return isParticipant(caller, r);
    }

    /** The proposer, or a school lead overseeing it, takes a proposal back. */
    public static boolean mayWithdraw(Caller caller, Relationship r) {
        return caller.isSelf(r.proposedByPractitioner) || oversees(caller, r) || Callers.label(caller).equals(r.proposedBy);
    }

    public static boolean mayClose(Caller caller, Relationship r) {
        return isParticipant(caller, r) || oversees(caller, r);
    }

    /** 403 unless the caller takes part: the caller already sees the relationship, so nothing is hidden. */
    public static Participant requireParticipant(Caller caller, Relationship r, String what) {
        return caller.practitioner().flatMap(r::participant).orElseThrow(
                () -> RuleViolation.forbidden("Only a participant may " + what + " this relationship"));
    }
}
