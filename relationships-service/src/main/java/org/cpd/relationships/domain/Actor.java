package org.cpd.relationships.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who acts, as far as the domain rules care: a practitioner (maybe), the schools they lead, and
 * whether they administer a partnership. Built from the token by the service layer.
 */
public record Actor(UUID practitionerId, boolean schoolLead, Set<String> schoolUrns,
                    boolean partnershipAdmin, Set<UUID> partnershipIds, String subject) {

    public Actor {
        schoolUrns = schoolUrns == null ? Set.of() : Set.copyOf(schoolUrns);
        partnershipIds = partnershipIds == null ? Set.of() : Set.copyOf(partnershipIds);
    }

    public static Actor practitioner(UUID id) {
        return new Actor(id, false, Set.of(), false, Set.of(), "practitioner:" + id);
    }

    public static Actor schoolLead(UUID id, String... urns) {
        return new Actor(id, true, Set.of(urns), false, Set.of(), "lead:" + id);
    }

    public static Actor system() {
        return new Actor(null, false, Set.of(), false, Set.of(), "system");
    }

    public Optional<UUID> practitioner() {
        return Optional.ofNullable(practitionerId);
    }

    public boolean isPractitioner(UUID id) {
        return practitionerId != null && practitionerId.equals(id);
    }

    public boolean leadsSchool(String urn) {
        return schoolLead && urn != null && schoolUrns.contains(urn);
    }

    /** Audit and timeline name for this actor. */
    public String label() {
        return practitionerId != null ? practitionerId.toString() : subject;
    }
}
