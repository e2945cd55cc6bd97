package org.cpd.commons.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the domain sees them: built once per request from the validated token by
 * {@link CurrentUser#caller()}. Pure data, so access policies that take it are unit-testable.
 *
 * @param subject        the token subject ({@code anonymous} without one)
 * @param clientId       the OAuth client the token was issued to, e.g. a school's MIS client
 * @param practitionerId the directory id of the person, when the caller is one
 * @param roles          realm roles ({@link Roles})
 * @param schoolUrns     schools the caller leads or works in (token claim {@code school_urns})
 * @param partnershipIds partnerships the caller belongs to (token claim {@code partnership_ids})
 */
public record Caller(String subject, String clientId, UUID practitionerId, Set<String> roles,
                     Set<String> schoolUrns, Set<UUID> partnershipIds) {

    public Caller {
        roles = Set.copyOf(roles);
        schoolUrns = Set.copyOf(schoolUrns);
        partnershipIds = Set.copyOf(partnershipIds);
    }

    public Optional<UUID> practitioner() {
        return Optional.ofNullable(practitionerId);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isPartnershipAdmin() {
        return is(Roles.PARTNERSHIP_ADMIN);
    }

    public boolean isSchoolLead() {
        return is(Roles.SCHOOL_LEAD);
    }

    public boolean isMisClient() {
        return is(Roles.MIS_INTEGRATION);
    }

    public boolean isSelf(UUID practitioner) {
        return practitionerId != null && practitionerId.equals(practitioner);
    }

    /** A partnership admin acting within one of their partnerships. */
    public boolean administers(UUID partnershipId) {
        return isPartnershipAdmin() && partnershipId != null && partnershipIds.contains(partnershipId);
    }

    /** A school lead (or the school's MIS client) acting for one of their schools. */
    public boolean leadsSchool(String urn) {
        return (isSchoolLead() || isMisClient()) && urn != null && schoolUrns.contains(urn);
    }
}
