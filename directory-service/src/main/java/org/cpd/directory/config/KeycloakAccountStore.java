package org.cpd.directory.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpd.directory.domain.AccountSpec;
import org.cpd.directory.domain.AccountStore;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Logins in Keycloak, through its Admin REST API as the realm's {@code cpd-directory-provisioner} service
 * account (manage-users, view-users, query-users only). Here beside the configuration because it is the
 * wiring to an outside system; the rules about what an account should be are in the domain's AccountSync.
 */
@ApplicationScoped
public class KeycloakAccountStore implements AccountStore {

    /** What a new account must do before first use: the invitation e-mail carries the same actions. */
    static final List<String> INVITATION_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");

    @Inject
    Instance<Keycloak> keycloak; // resolved only when provisioning runs: tests without Keycloak never build it

    @Inject
    AccountsConfig config;

    private RealmResource realm() {
        return keycloak.get().realm(config.realm());
    }

    @Override
    public Optional<Stored> byId(String id) {
        try {
            UserResource user = realm().users().get(id);
            return Optional.of(stored(user.toRepresentation(), user));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Stored> byPractitionerId(String practitionerId) {
        return first(realm().users().searchByAttributes(0, 2, null, false, "practitioner_id:" + practitionerId));
    }

    @Override
    public Optional<Stored> byUsername(String username) {
        return first(realm().users().searchByUsername(username, true));
    }

    private Optional<Stored> first(List<UserRepresentation> found) {
        return found.isEmpty() ? Optional.empty() : byId(found.get(0).getId());
    }

    @Override
    public String create(AccountSpec spec) {
        UserRepresentation u = representation(new UserRepresentation(), spec);
        u.setRequiredActions(INVITATION_ACTIONS);
        u.setEmailVerified(false);
        try (Response response = realm().users().create(u)) {
            if (response.getStatus() != 201) {
                throw new WebApplicationException("Keycloak refused to create " + spec.username() + ": " + response.getStatus(),
                        response.getStatus());
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    @Override
    public void update(String id, AccountSpec spec) {
        UserResource user = realm().users().get(id);
        UserRepresentation current = user.toRepresentation();
        boolean emailChanged = current.getEmail() == null || !current.getEmail().equalsIgnoreCase(spec.email());
        // only what the directory manages: sending the whole representation back is refused (400)
        UserRepresentation u = new UserRepresentation();
        u.setAttributes(current.getAttributes());
        representation(u, spec);
        u.setUsername(current.getUsername()); // set at creation only
        u.setEmailVerified(emailChanged ? Boolean.FALSE : current.isEmailVerified()); // a new address is verified again
        user.update(u);
    }

    @Override
    public void changeRealmRoles(String id, Set<String> add, Set<String> remove) {
        var roles = realm().users().get(id).roles().realmLevel();
        if (!add.isEmpty()) {
            roles.add(roles.listAvailable().stream().filter(r -> add.contains(r.getName())).toList());
        }
        if (!remove.isEmpty()) {
            roles.remove(roles.listAll().stream().filter(r -> remove.contains(r.getName())).toList());
        }
    }

    @Override
    public void delete(String id) {
        try (Response response = realm().users().delete(id)) {
            if (response.getStatus() != 204 && response.getStatus() != 404) {
                throw new WebApplicationException("Keycloak refused to delete account " + id + ": " + response.getStatus(),
                        response.getStatus());
            }
        }
    }

    @Override
    public void invite(String id) {
        int lifespan = (int) config.invitationLifespan().toSeconds();
        UserResource user = realm().users().get(id);
        if (config.invitationClientId().isPresent() && config.invitationRedirectUri().isPresent()) {
            user.executeActionsEmail(config.invitationClientId().get(), config.invitationRedirectUri().get(), lifespan,
                    INVITATION_ACTIONS);
        } else {
            user.executeActionsEmail(INVITATION_ACTIONS, lifespan);
        }
    }

    private static UserRepresentation representation(UserRepresentation u, AccountSpec spec) {
        u.setUsername(spec.username());
        u.setEmail(spec.email());
        u.setFirstName(spec.firstName());
        u.setLastName(spec.lastName());
        u.setEnabled(spec.enabled());
        Map<String, List<String>> attributes = new LinkedHashMap<>(u.getAttributes() == null ? Map.of() : u.getAttributes());
        attributes.putAll(spec.attributes());
        u.setAttributes(attributes);
        return u;
    }

    private static Stored stored(UserRepresentation u, UserResource user) {
        Set<String> roles = new LinkedHashSet<>();
        for (RoleRepresentation r : user.roles().realmLevel().listAll()) {
            roles.add(r.getName());
        }
        return new Stored(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
                Boolean.TRUE.equals(u.isEnabled()), u.getAttributes() == null ? Map.of() : u.getAttributes(), roles,
                new LinkedHashSet<>(u.getRequiredActions() == null ? new ArrayList<>() : u.getRequiredActions()));
    }
}
