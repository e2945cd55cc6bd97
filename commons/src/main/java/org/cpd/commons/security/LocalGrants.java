package org.cpd.commons.security;

import java.util.Set;
import java.util.UUID;

/**
 * What a service's own records say about the caller, beside the token: appointments made since the
 * token was issued, and whether the person has been deactivated. A service that keeps such records
 * attaches one to the security identity (attribute {@link #ATTRIBUTE}, usually from a
 * {@code SecurityIdentityAugmentor}); {@link CurrentUser#caller()} adds its schools and partnerships
 * to the token's and refuses a deactivated person at once, without waiting for their token to expire.
 *
 * @param schoolUrns     schools the caller leads according to the local records
 * @param partnershipIds partnerships the caller administers according to the local records
 * @param deactivated    the caller's practitioner record is deactivated
 */
public record LocalGrants(Set<String> schoolUrns, Set<UUID> partnershipIds, boolean deactivated) {

    public static final String ATTRIBUTE = "cpd.local-grants";

    public static final LocalGrants NONE = new LocalGrants(Set.of(), Set.of(), false);

    public LocalGrants {
        schoolUrns = Set.copyOf(schoolUrns);
        partnershipIds = Set.copyOf(partnershipIds);
    }
}
