package org.cpd.directory.domain;

import java.util.Set;
import java.util.UUID;

/** Practitioners for the domain's unit tests, placed at a school or an organisation of given partnerships. */
final class Practitioners {

    private Practitioners() {
    }

    static Practitioner atSchool(String urn, UUID... partnerships) {
        School school = new School();
        school.urn = urn;
        school.partnershipIds.addAll(Set.of(partnerships));
        return placed(school, null);
    }

    static Practitioner atOrganisation(UUID... partnerships) {
        Organisation organisation = new Organisation();
        organisation.partnershipIds.addAll(Set.of(partnerships));
        return placed(null, organisation);
    }

    private static Practitioner placed(School school, Organisation organisation) {
        Practitioner p = new Practitioner();
        p.id = UUID.randomUUID();
        p.placeAt(school, organisation);
        return p;
    }
}
