package org.cpd.directory.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.School;

/**
 * Who may do what with directory data, decided from the token's roles and data claims.
 * Admins act within their partnerships, school leads and MIS clients within their schools,
 * practitioners on themselves.
 */
@RequestScoped
public class Access {

    @Inject
    CurrentUser user;

    public boolean isAdmin() {
        return user.is(Roles.PARTNERSHIP_ADMIN);
    }

    public boolean isAdminOfAny(Collection<UUID> partnershipIds) {
        return isAdmin() && partnershipIds.stream().anyMatch(user.partnershipIds()::contains);
    }

    public boolean leadsSchool(School school) {
        return school != null && (user.is(Roles.SCHOOL_LEAD) || user.is(Roles.MIS_INTEGRATION))
                && user.schoolUrns().contains(school.urn);
    }

    public boolean isSelf(UUID practitionerId) {
        return user.practitionerId().map(practitionerId::equals).orElse(false);
    }

    public java.util.Optional<UUID> currentPractitionerId() {
        return user.practitionerId();
    }

    public Set<UUID> partnershipIds() {
        return user.partnershipIds();
    }

    public Set<String> schoolUrns() {
        return user.schoolUrns();
    }

    public boolean is(String role) {
        return user.is(role);
    }

    /** School leads, MIS clients of the school and partnership admins manage a practitioner's record. */
    public boolean managesPractitioner(Practitioner p) {
        return leadsSchool(p.school) || isAdminOfAny(p.partnerships());
    }

    /** Who may see the confidential parts of a record (email, TRN, links): the person and those who manage it. */
    public boolean seesPrivateFields(Practitioner p) {
        return isSelf(p.id) || managesPractitioner(p);
    }

    /** Anyone of a shared partnership (or whose token names the school) sees the public profile. */
    public boolean seesPublicProfile(Practitioner p) {
        return seesPrivateFields(p) || p.sharesPartnershipWith(user.partnershipIds())
                || (p.school != null && user.schoolUrns().contains(p.school.urn));
    }

    public void requireAdminOf(Collection<UUID> partnershipIds) {
        if (!isAdminOfAny(partnershipIds)) {
            throw Problems.forbidden("Only an admin of the partnership may do this");
        }
    }

    /** Adding something to partnerships needs admin rights in every one of them. */
    public void requireAdminOfAll(Collection<UUID> partnershipIds) {
        if (!isAdmin() || !user.partnershipIds().containsAll(partnershipIds)) {
            throw Problems.forbidden("Only an admin of every partnership named may do this");
        }
    }
}
