package org.cpd.directory.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * Who may do what with directory data — the whole rule in one place, decided from the caller and
 * the facts of the record. Admins act within their partnerships, school leads and MIS clients
 * within their schools, practitioners on themselves. Pure: no database, unit-tested without Quarkus.
 */
public record DirectoryAccess(Caller caller) {

    public DirectoryAccess {
        Objects.requireNonNull(caller, "caller");
    }

    /** Whose practitioner records a list may show. */
    public sealed interface ListingScope {
        /** A partnership admin: everyone in their partnerships. */
        record Partnerships(Set<UUID> ids) implements ListingScope {
        }

        /** A school lead or MIS client: the staff of their schools. */
        record Schools(Set<String> urns) implements ListingScope {
        }
    }

    public boolean isAdmin() {
        return caller.isPartnershipAdmin();
    }

    public boolean isSelf(UUID practitionerId) {
        return caller.isSelf(practitionerId);
    }

    public boolean administersAny(Collection<UUID> partnershipIds) {
        return isAdmin() && partnershipIds.stream().anyMatch(caller.partnershipIds()::contains);
    }

    public boolean administersAll(Collection<UUID> partnershipIds) {
        return isAdmin() && caller.partnershipIds().containsAll(partnershipIds);
    }

    public boolean leadsSchool(School school) {
        return school != null && caller.leadsSchool(school.urn);
    }

    /** School leads, MIS clients of the school and partnership admins manage a practitioner's record. */
    public boolean managesPractitioner(Practitioner p) {
        return leadsSchool(p.school) || administersAny(p.partnerships());
    }

    /**
     * Who may merge a record with another: a lead of the person's school or an admin of one of their
     * partnerships (not an MIS client: a merge is a decision about a person, not a sync). Needed on both records.
     */
    public boolean mergesRecordOf(Practitioner p) {
        return (caller.isSchoolLead() && leadsSchool(p.school)) || administersAny(p.partnerships());
    }

    /** Who may see the confidential parts of a record (email, TRN, links): the person and those who manage it. */
    public boolean seesPrivateFields(Practitioner p) {
        return isSelf(p.id) || managesPractitioner(p);
    }

    /**
     * Who may have a person's data exported or erased (subject access, erasure): the person themselves, or an
     * admin of one of the person's partnerships. School leads and MIS clients may not (docs/data-protection.md).
     */
    public boolean actsOnSubjectDataOf(Practitioner p) {
        return isSelf(p.id) || administersAny(p.partnerships());
    }

    /** Only an admin of one of the person's partnerships erases them (not the person, not a school lead). */
    public boolean erasesSubjectDataOf(Practitioner p) {
        return administersAny(p.partnerships());
    }

    /** An erasure's status is read by an admin of a partnership the person was in when erased. */
    public boolean readsErasureOf(java.util.Set<UUID> partnershipsWhenErased) {
        return administersAny(partnershipsWhenErased);
    }

    /** Anyone of a shared partnership (or whose token names the school) sees the public profile. */
    public boolean seesPublicProfile(Practitioner p) {
        return seesPrivateFields(p) || p.sharesPartnershipWith(caller.partnershipIds())
                || (p.school != null && caller.schoolUrns().contains(p.school.urn));
    }

    /** The person edits their own offer; their school's lead and the partnership's admins may too. */
    public boolean editsOfferOf(Practitioner p) {
        return isSelf(p.id) || managesPractitioner(p);
    }

    /** Matching is for the learner, their school's leads and the partnership's admins. */
    public boolean matchesFor(Practitioner learner) {
        return isSelf(learner.id) || managesPractitioner(learner);
    }

    /** A lead of the school the person is placed at, or an admin of a partnership the placement belongs to. */
    public boolean placesAt(School school, Set<UUID> placementPartnerships) {
        return leadsSchool(school) || administersAny(placementPartnerships);
    }

    // ---- appointments (docs/adr/0015-accounts-from-the-directory.md)

    /** Partnership admins are appointed and ended by the partnership's admins. */
    public void requireMayAppointAdminsOf(UUID partnershipId) {
        if (!caller.administers(partnershipId)) {
            throw RuleViolation.forbidden("Only an admin of the partnership may appoint or end its admins");
        }
    }

    /**
     * School leads are appointed and ended by an admin of a partnership the school belongs to, not by
     * other leads: a lead cannot widen who manages the school's staff records.
     */
    public void requireMayAppointLeadsOf(School school) {
        if (!administersAny(school.partnershipIds)) {
            throw RuleViolation.forbidden("Only an admin of one of the school's partnerships may appoint or end its leads");
        }
    }

    /** Who administers a partnership is seen by its admins. */
    public boolean seesAdminsOf(UUID partnershipId) {
        return caller.administers(partnershipId);
    }

    /** Who leads a school is seen by its leads and by its partnerships' admins. */
    public boolean seesLeadsOf(School school) {
        return leadsSchool(school) || administersAny(school.partnershipIds);
    }

    public void requireAdmin(String detail) {
        if (!isAdmin()) {
            throw RuleViolation.forbidden(detail);
        }
    }

    public void requireAdminOfAny(Collection<UUID> partnershipIds) {
        if (!administersAny(partnershipIds)) {
            throw RuleViolation.forbidden("Only an admin of the partnership may do this");
        }
    }

    /** Adding something to partnerships needs admin rights in every one of them. */
    public void requireAdminOfAll(Collection<UUID> partnershipIds) {
        if (!administersAll(partnershipIds)) {
            throw RuleViolation.forbidden("Only an admin of every partnership named may do this");
        }
    }

    /**
     * Changing which partnerships a school or organisation belongs to: the caller administers one it
     * belongs to now (or they may not change it at all), and every partnership added or removed.
     */
    public void requireMayChangeMemberships(Set<UUID> current, Set<UUID> requested) {
        requireAdminOfAny(current);
        Set<UUID> changed = new LinkedHashSet<>(requested);
        changed.removeAll(current);
        current.stream().filter(id -> !requested.contains(id)).forEach(changed::add);
        if (!administersAll(changed)) {
            throw RuleViolation.forbidden("Only an admin of every partnership added or removed may change memberships");
        }
    }

    /**
     * Identity and employment facts are the school's to change; the profile is the person's own. Those who
     * manage the record may change it all, but only to a school or organisation they manage too.
     */
    public void requireMayUpdate(Practitioner p, boolean identityChanged, School school, Set<UUID> placementPartnerships) {
        if (!managesPractitioner(p)) {
            if (!isSelf(p.id)) {
                throw RuleViolation.forbidden(
                        "Only the practitioner, a lead of their school or a partnership admin may change this record");
            }
            if (identityChanged) {
                throw RuleViolation.forbidden("Email, TRN, school, organisation and career stage are changed by a school lead");
            }
        } else if (!placesAt(school, placementPartnerships)) {
            throw RuleViolation.forbidden("You may not move a practitioner to a school or organisation you do not manage");
        }
    }

    /** Listing full records is for those who manage them; practitioners search supporters instead. */
    public ListingScope listingScope() {
        if (isAdmin() && !caller.partnershipIds().isEmpty()) {
            return new ListingScope.Partnerships(caller.partnershipIds());
        }
        if ((caller.isSchoolLead() || caller.isMisClient()) && !caller.schoolUrns().isEmpty()) {
            return new ListingScope.Schools(caller.schoolUrns());
        }
        throw RuleViolation.forbidden("Listing practitioners is for partnership admins, school leads and MIS integrations; "
                + "search supporters instead");
    }
}
