package org.cpd.directory.service;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.LocalGrants;
import org.cpd.directory.domain.AppointmentRole;
import org.cpd.directory.repository.PractitionerQueries;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The directory decides from its own records, not only from the token: current appointments add their
 * role, school and partnership to the caller (an admin who has just created a partnership administers it
 * with the token they have), and a deactivated practitioner is refused at once
 * ({@link LocalGrants}, read by {@link CurrentUser#caller()}). One statement per request
 * ({@link PractitionerQueries#callerRecords}).
 */
@ApplicationScoped
public class LocalGrantsAugmentor implements SecurityIdentityAugmentor {

    @Inject
    Lookup lookup;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        UUID practitionerId = practitionerId(jwt);
        String subject = jwt.getSubject();
        return context.runBlocking(() -> {
            Found found = lookup.find(practitionerId, subject);
            if (found.roles().isEmpty() && found.grants().equals(LocalGrants.NONE)) {
                return identity;
            }
            return QuarkusSecurityIdentity.builder(identity).addRoles(found.roles())
                    .addAttribute(LocalGrants.ATTRIBUTE, found.grants()).build();
        });
    }

    private static UUID practitionerId(JsonWebToken jwt) {
        Object claim = jwt.getClaim(CurrentUser.PRACTITIONER_ID);
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Found(Set<String> roles, LocalGrants grants) {
    }

    /**
     * The query. Authentication runs before the request's context and transaction exist: it opens a
     * request context of its own for the session and no transaction (one read needs none, and a JTA
     * transaction per request cost as much as the query).
     */
    @ApplicationScoped
    public static class Lookup {

        @Inject
        PractitionerQueries queries;

        @ActivateRequestContext
        Found find(UUID practitionerId, String subject) {
            PractitionerQueries.CallerRecords records = queries.callerRecords(practitionerId, subject);
            boolean deactivated = Boolean.FALSE.equals(records.active());
            Set<String> roles = new LinkedHashSet<>();
            Set<String> schools = new LinkedHashSet<>();
            Set<UUID> partnerships = new LinkedHashSet<>();
            if (!deactivated) {
                for (PractitionerQueries.CurrentAppointment a : records.appointments()) {
                    roles.add(a.role().realmRole());
                    if (a.role() == AppointmentRole.SCHOOL_LEAD) {
                        schools.add(a.schoolUrn());
                    } else {
                        partnerships.add(a.partnershipId());
                    }
                }
            }
            return new Found(roles, new LocalGrants(schools, partnerships, deactivated));
        }
    }
}
