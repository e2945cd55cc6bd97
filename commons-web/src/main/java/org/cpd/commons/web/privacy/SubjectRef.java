package org.cpd.commons.web.privacy;

import java.util.Optional;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;

/**
 * The person a privacy request is about, as a path gives it: a practitioner id, or {@code me} for the caller
 * themselves. Parsed the same way by every service and the gateway, so bad input is the same 400 everywhere.
 *
 * @param id the practitioner id given, or null for {@code me}
 */
public record SubjectRef(UUID id) {

    public static final String ME = "me";

    /** A practitioner id or {@code me}; anything else is a 400 naming the path parameter. */
    public static SubjectRef parse(String value) {
        String v = value == null ? "" : value.trim();
        if (ME.equalsIgnoreCase(v)) {
            return new SubjectRef(null);
        }
        if (v.length() == 36) {
            try {
                return new SubjectRef(UUID.fromString(v));
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
        }
        throw RuleViolation.invalidField("practitionerId", "must be a practitioner id (UUID) or 'me'");
    }

    public boolean me() {
        return id == null;
    }

    /** The person meant, given the caller's own practitioner id (empty: {@code me} from a caller who is no practitioner). */
    public Optional<UUID> resolve(UUID callersPractitionerId) {
        return Optional.ofNullable(me() ? callersPractitionerId : id);
    }

    /**
     * The person meant, as a service's use case needs it: {@code me} from a caller who is no practitioner is
     * nobody the service holds, the same 404 as an unknown id.
     */
    public UUID person(UUID callersPractitionerId) {
        return resolve(callersPractitionerId).orElseThrow(() -> RuleViolation.notFound("practitioner", ME));
    }
}
