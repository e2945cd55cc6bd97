package org.cpd.directory.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where logins live (Keycloak's Admin REST API in production, a fake in unit tests). */
public interface AccountStore {

    /** An account as the store holds it. */
    record Stored(String id, String username, String email, String firstName, String lastName, boolean enabled,
                  Map<String, List<String>> attributes, Set<String> realmRoles, Set<String> requiredActions) {
    }

    Optional<Stored> byId(String id);

    Optional<Stored> byPractitionerId(String practitionerId);

    Optional<Stored> byUsername(String username);

    /** Creates the account with e-mail verification and a password to set as required actions; returns its id. */
    String create(AccountSpec spec);

    /** E-mail, names, enabled and the managed attributes as the spec says (the username stays). */
    void update(String id, AccountSpec spec);

    void changeRealmRoles(String id, Set<String> add, Set<String> remove);

    /** Sends the invitation: the execute-actions e-mail (verify e-mail, set password). */
    void invite(String id);

    /** Deletes the account (an erased person's: its username is their old work e-mail); gone already is fine. */
    void delete(String id);
}
