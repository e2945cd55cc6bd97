package org.cpd.directory.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;

/**
 * The login a practitioner should have, derived from the directory alone: work e-mail as username, the
 * claims every service authorises with, and the realm roles their appointments give.
 *
 * @param attributes {@code practitioner_id}, {@code school_urns} (their school and the schools they lead),
 *                   {@code partnership_ids} (their partnerships and those they administer)
 * @param realmRoles {@code practitioner} plus the role of each current appointment
 */
public record AccountSpec(UUID practitionerId, String username, String email, String firstName, String lastName,
                          boolean enabled, Map<String, List<String>> attributes, Set<String> realmRoles) {

    /** The realm roles the directory manages; others on the account (e.g. given by hand) are left alone. */
    public static final Set<String> MANAGED_ROLES = Set.of(Roles.PRACTITIONER, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN);

    /** The spec of an erased person: they keep no login at all (docs/adr/0043-erasure.md). */
    public boolean erased() {
        return email.endsWith(Practitioner.ERASED_DOMAIN);
    }

    public static AccountSpec of(Practitioner p, List<Appointment> current) {
        Set<String> schools = new TreeSet<>();
        Set<String> partnerships = new TreeSet<>();
        Set<String> roles = new TreeSet<>(Set.of(Roles.PRACTITIONER));
        if (p.school != null) {
            schools.add(p.school.urn);
        }
        p.partnerships().forEach(id -> partnerships.add(id.toString()));
        if (p.active) {
            for (Appointment a : current) {
                if (a.isCurrent()) {
                    roles.add(a.role.realmRole());
                    if (a.role == AppointmentRole.SCHOOL_LEAD) {
                        schools.add(a.school.urn);
                    } else {
                        partnerships.add(a.partnershipId.toString());
                    }
                }
            }
        }
        Map<String, List<String>> attributes = new TreeMap<>();
        attributes.put(CurrentUser.PRACTITIONER_ID, List.of(p.id.toString()));
        attributes.put(CurrentUser.SCHOOL_URNS, List.copyOf(schools));
        attributes.put(CurrentUser.PARTNERSHIP_IDS, List.copyOf(partnerships));
        String name = p.fullName.trim();
        int space = name.lastIndexOf(' ');
        String first = space > 0 ? name.substring(0, space) : name;
        String last = space > 0 ? name.substring(space + 1) : name;
        String email = p.email.trim().toLowerCase(Locale.ROOT);
        return new AccountSpec(p.id, email, email, first, last, p.active, attributes, roles);
    }
}
