package org.cpd.relationships.domain;

import java.util.Set;
import org.cpd.commons.security.Caller;

/** How the domain names a caller in what it records, and the caller for the service's own moves. */
public final class Callers {

    /** The service itself, e.g. when a proposal expires. */
    public static final Caller SYSTEM = new Caller("system", null, null, Set.of(), Set.of(), Set.of());

    private Callers() {
    }

    /** Timeline and audit name: the practitioner id, or the token subject for others. */
    public static String label(Caller caller) {
        return caller.practitionerId() != null ? caller.practitionerId().toString() : caller.subject();
    }
}
