package org.cpd.directory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;

/**
 * Brings one login up to what the directory says ({@link AccountSpec}) and says what it changed. Idempotent:
 * run twice, the second run changes nothing. Finds the account by its id, else by the practitioner id it
 * carries, else by username; an account of the same username that belongs to another practitioner is never
 * taken over. The username is set when the account is created and never changed afterwards; the e-mail
 * follows the directory (and must be verified again).
 */
public final class AccountSync {

    /** What a run did: the account, its state afterwards and the changes made (empty: nothing to repair). */
    public record Outcome(String userId, AccountState state, List<String> changes, boolean invited) {
    }

    private AccountSync() {
    }

    public static Outcome sync(AccountSpec spec, String knownId, boolean inviteRequested, AccountStore store) {
        Optional<AccountStore.Stored> found = Optional.ofNullable(knownId).flatMap(store::byId);
        if (found.isEmpty()) {
            found = store.byPractitionerId(spec.practitionerId().toString());
        }
        if (found.isEmpty()) {
            found = store.byUsername(spec.username());
            if (found.isPresent()) {
                List<String> owner = found.get().attributes().getOrDefault(CurrentUser.PRACTITIONER_ID, List.of());
                if (!owner.isEmpty() && !owner.contains(spec.practitionerId().toString())) {
                    throw RuleViolation.conflict("account-taken", "The login " + spec.username()
                            + " belongs to another practitioner's account");
                }
            }
        }
        List<String> changes = new ArrayList<>();
        if (spec.erased()) {
            // Disabling would keep the username, the old work e-mail: an erased person's account goes.
            found.ifPresent(account -> {
                store.delete(account.id());
                changes.add("deleted");
            });
            return new Outcome(null, AccountState.DISABLED, changes, false);
        }
        if (found.isEmpty()) {
            if (!spec.enabled()) {
                return new Outcome(null, AccountState.DISABLED, changes, inviteRequested); // nobody to disable
            }
            String id = store.create(spec);
            changes.add("created");
            store.changeRealmRoles(id, new TreeSet<>(spec.realmRoles()), Set.of());
            store.invite(id);
            changes.add("invited");
            return new Outcome(id, AccountState.INVITED, changes, true);
        }
        AccountStore.Stored account = found.get();
        // the username is the work e-mail at creation and then stays (people also log in by e-mail, which follows)
        if (account.email() == null || !account.email().equalsIgnoreCase(spec.email())) {
            changes.add("email");
        }
        if (!Objects.equals(account.firstName(), spec.firstName()) || !Objects.equals(account.lastName(), spec.lastName())) {
            changes.add("name");
        }
        for (Map.Entry<String, List<String>> attribute : spec.attributes().entrySet()) {
            List<String> held = account.attributes().getOrDefault(attribute.getKey(), List.of());
            if (!new TreeSet<>(held).equals(new TreeSet<>(attribute.getValue()))) {
                changes.add(attribute.getKey());
            }
        }
        if (account.enabled() != spec.enabled()) {
            changes.add(spec.enabled() ? "enabled" : "disabled");
        }
        if (!changes.isEmpty()) {
            store.update(account.id(), spec);
        }
        Set<String> add = new TreeSet<>(spec.realmRoles());
        add.removeAll(account.realmRoles());
        Set<String> remove = new TreeSet<>(account.realmRoles());
        remove.retainAll(AccountSpec.MANAGED_ROLES);
        remove.removeAll(spec.realmRoles());
        if (!add.isEmpty() || !remove.isEmpty()) {
            store.changeRealmRoles(account.id(), add, remove);
            add.forEach(r -> changes.add("role +" + r));
            remove.forEach(r -> changes.add("role -" + r));
        }
        boolean pending = !account.requiredActions().isEmpty();
        boolean invited = false;
        if (inviteRequested && spec.enabled() && pending) {
            store.invite(account.id());
            changes.add("invited");
            invited = true;
        }
        AccountState state = !spec.enabled() ? AccountState.DISABLED : pending ? AccountState.INVITED : AccountState.ACTIVE;
        return new Outcome(account.id(), state, changes, invited || inviteRequested);
    }
}
