package org.cpd.goals.service;

import java.util.UUID;
import org.cpd.commons.web.Problems;
import org.cpd.goals.domain.AccessPolicy.Viewer;

/** The {@code owner} filter of collections: {@code me} or a practitioner id. */
final class Owners {

    private Owners() {
    }

    static UUID parse(String owner, Viewer viewer) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        if ("me".equalsIgnoreCase(owner.trim())) {
            return viewer.practitionerId();
        }
        try {
            return UUID.fromString(owner.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("owner", "must be `me` or a practitioner id (UUID)");
        }
    }
}
