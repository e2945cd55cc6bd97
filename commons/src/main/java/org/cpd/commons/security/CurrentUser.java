package org.cpd.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the validated token: roles, and the claims the realm adds
 * ({@code practitioner_id}, {@code school_urns}, {@code partnership_ids}).
 */
@RequestScoped
public class CurrentUser {

    public static final String PRACTITIONER_ID = "practitioner_id";
    public static final String SCHOOL_URNS = "school_urns";
    public static final String PARTNERSHIP_IDS = "partnership_ids";

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    /** The caller as one value, built on first use and kept for the rest of the request. */
    public Caller caller() {
        if (caller == null) {
            LocalGrants local = localGrants();
            if (local.deactivated()) {
                // the token may live a few minutes more; the record says no at once
                throw RuleViolation.of(RuleViolation.Kind.FORBIDDEN, "practitioner-deactivated",
                        "Your practitioner record is deactivated");
            }
            Set<String> schools = new LinkedHashSet<>(schoolUrns());
            schools.addAll(local.schoolUrns());
            Set<UUID> partnerships = new LinkedHashSet<>(partnershipIds());
            partnerships.addAll(local.partnershipIds());
            caller = new Caller(subject(), clientId(), practitionerId().orElse(null), identity.getRoles(),
                    schools, partnerships);
        }
        return caller;
    }

    /** The service's own records about the caller, when it keeps any ({@link LocalGrants}). */
    public LocalGrants localGrants() {
        LocalGrants local = identity.isAnonymous() ? null : identity.getAttribute(LocalGrants.ATTRIBUTE);
        return local == null ? LocalGrants.NONE : local;
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<UUID> practitionerId() {
        Object claim = claim(PRACTITIONER_ID);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text(claim)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Set<String> schoolUrns() {
        return texts(claim(SCHOOL_URNS));
    }

    public Set<UUID> partnershipIds() {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : texts(claim(PARTNERSHIP_IDS))) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException ignored) {
                // a malformed id grants nothing
            }
        }
        return ids;
    }

    /** The OAuth client the token was issued to (`azp`), e.g. a school's MIS client. */
    public String clientId() {
        Object azp = claim("azp");
        return azp == null ? null : text(azp);
    }

    private Object claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getClaim(name);
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    private static Set<String> texts(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                values.add(v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(text(v)));
        } else if (claim != null) {
            for (String part : text(claim).split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }
}
