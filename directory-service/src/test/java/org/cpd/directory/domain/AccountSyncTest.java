package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** What a login should be and how it is brought there, against an in-memory account store. */
class AccountSyncTest {

    /** Keycloak as far as provisioning sees it; counts invitations. */
    static final class FakeStore implements AccountStore {
        final Map<String, Stored> accounts = new HashMap<>();
        final List<String> invitations = new ArrayList<>();
        boolean down;

        private void reachable() {
            if (down) {
                throw new IllegalStateException("Connection refused");
            }
        }

        @Override
        public Optional<Stored> byId(String id) {
            reachable();
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public Optional<Stored> byPractitionerId(String practitionerId) {
            reachable();
            return accounts.values().stream()
                    .filter(a -> a.attributes().getOrDefault("practitioner_id", List.of()).contains(practitionerId)).findFirst();
        }

        @Override
        public Optional<Stored> byUsername(String username) {
            reachable();
            return accounts.values().stream().filter(a -> a.username().equals(username)).findFirst();
        }

        @Override
        public String create(AccountSpec spec) {
            reachable();
            String id = UUID.randomUUID().toString();
            accounts.put(id, new Stored(id, spec.username(), spec.email(), spec.firstName(), spec.lastName(), spec.enabled(),
                    spec.attributes(), Set.of("default-roles-cpd"), Set.of("VERIFY_EMAIL", "UPDATE_PASSWORD")));
            return id;
        }

        @Override
        public void update(String id, AccountSpec spec) {
            Stored a = accounts.get(id);
            accounts.put(id, new Stored(id, a.username(), spec.email(), spec.firstName(), spec.lastName(), spec.enabled(),
                    spec.attributes(), a.realmRoles(), a.requiredActions()));
        }

        @Override
        public void changeRealmRoles(String id, Set<String> add, Set<String> remove) {
            Stored a = accounts.get(id);
            Set<String> roles = new LinkedHashSet<>(a.realmRoles());
            roles.addAll(add);
            roles.removeAll(remove);
            accounts.put(id, new Stored(id, a.username(), a.email(), a.firstName(), a.lastName(), a.enabled(), a.attributes(),
                    roles, a.requiredActions()));
        }

        @Override
        public void invite(String id) {
            invitations.add(id);
        }

        @Override
        public void delete(String id) {
            reachable();
            accounts.remove(id);
        }

        void passwordSet(String id) {
            Stored a = accounts.get(id);
            accounts.put(id, new Stored(id, a.username(), a.email(), a.firstName(), a.lastName(), a.enabled(), a.attributes(),
                    a.realmRoles(), Set.of()));
        }
    }

    final FakeStore store = new FakeStore();
    final UUID partnership = UUID.randomUUID();
    final School school = AppointmentRulesTest.school(partnership);
    final Practitioner person = practitioner(school);

    static Practitioner practitioner(School school) {
        Practitioner p = AppointmentRulesTest.at(school);
        p.fullName = "Ada  Byron King";
        p.email = "Ada.King@Harbour.sch.uk";
        return p;
    }

    @Test
    void theSpecIsDerivedFromTheDirectory() {
        School led = AppointmentRulesTest.school(partnership);
        led.urn = "654321";
        UUID administered = UUID.randomUUID();
        AccountSpec spec = AccountSpec.of(person, List.of(Appointment.schoolLead(person.id, led, "a"),
                Appointment.partnershipAdmin(person.id, null, administered, "a")));
        assertThat(spec.username()).isEqualTo("ada.king@harbour.sch.uk");
        assertThat(spec.firstName()).isEqualTo("Ada  Byron");
        assertThat(spec.lastName()).isEqualTo("King");
        assertThat(spec.attributes().get("practitioner_id")).containsExactly(person.id.toString());
        assertThat(spec.attributes().get("school_urns")).containsExactlyInAnyOrder("123456", "654321");
        assertThat(spec.attributes().get("partnership_ids")).containsExactlyInAnyOrder(partnership.toString(), administered.toString());
        assertThat(spec.realmRoles()).containsExactlyInAnyOrder("practitioner", "school-lead", "partnership-admin");
        person.active = false;
        assertThat(AccountSpec.of(person, List.of(Appointment.schoolLead(person.id, led, "a"))).realmRoles())
                .containsExactly("practitioner");
    }

    /** Erasure: the account is deleted, not disabled (its username is the old work e-mail), once. */
    @Test
    void anErasedPersonsAccountIsDeletedAndASecondRunChangesNothing() {
        AccountSync.Outcome created = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store);
        assertThat(store.accounts).containsKey(created.userId());
        person.anonymise();
        AccountSpec erased = AccountSpec.of(person, List.of());
        assertThat(erased.erased()).isTrue();

        AccountSync.Outcome deleted = AccountSync.sync(erased, created.userId(), false, store);

        assertThat(deleted.changes()).containsExactly("deleted");
        assertThat(deleted.userId()).isNull();
        assertThat(deleted.state()).isEqualTo(AccountState.DISABLED);
        assertThat(store.accounts).isEmpty();
        assertThat(AccountSync.sync(erased, created.userId(), false, store).changes()).isEmpty();
        assertThat(AccountSpec.of(practitioner(school), List.of()).erased()).isFalse();
    }

    @Test
    void aNewPractitionerGetsAnInvitedAccountAndASecondRunChangesNothing() {
        AccountSpec spec = AccountSpec.of(person, List.of());
        AccountSync.Outcome first = AccountSync.sync(spec, null, true, store);
        assertThat(first.changes()).containsExactly("created", "invited");
        assertThat(first.state()).isEqualTo(AccountState.INVITED);
        assertThat(store.accounts.get(first.userId()).realmRoles()).contains("practitioner");
        AccountSync.Outcome second = AccountSync.sync(spec, first.userId(), false, store);
        assertThat(second.changes()).isEmpty();
        assertThat(store.invitations).hasSize(1);
        store.passwordSet(first.userId());
        assertThat(AccountSync.sync(spec, first.userId(), false, store).state()).isEqualTo(AccountState.ACTIVE);
    }

    @Test
    void aMoveAnAppointmentAndADeactivationAreFollowed() {
        String id = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store).userId();
        School next = AppointmentRulesTest.school(partnership);
        next.urn = "222222";
        person.placeAt(next, null);
        AccountSync.Outcome moved = AccountSync.sync(AccountSpec.of(person, List.of(Appointment.schoolLead(person.id, next, "a"))),
                id, false, store);
        assertThat(moved.changes()).contains("school_urns", "role +school-lead");
        assertThat(store.accounts.get(id).attributes().get("school_urns")).containsExactly("222222");
        person.active = false;
        AccountSync.Outcome disabled = AccountSync.sync(AccountSpec.of(person, List.of()), id, false, store);
        assertThat(disabled.changes()).contains("disabled", "role -school-lead");
        assertThat(disabled.state()).isEqualTo(AccountState.DISABLED);
        assertThat(store.accounts.get(id).enabled()).isFalse();
        person.active = true;
        assertThat(AccountSync.sync(AccountSpec.of(person, List.of()), id, false, store).changes()).contains("enabled");
    }

    @Test
    void driftMadeInKeycloakIsRepairedAndRolesGivenByHandOutsideTheManagedOnesStay() {
        String id = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store).userId();
        store.changeRealmRoles(id, Set.of("partnership-admin", "mis-integration"), Set.of());
        AccountStore.Stored a = store.accounts.get(id);
        store.accounts.put(id, new AccountStore.Stored(id, a.username(), a.email(), a.firstName(), a.lastName(), a.enabled(),
                Map.of("practitioner_id", List.of(person.id.toString()), "school_urns", List.of("999999")), a.realmRoles(),
                a.requiredActions()));
        AccountSync.Outcome repaired = AccountSync.sync(AccountSpec.of(person, List.of()), id, false, store);
        assertThat(repaired.changes()).contains("school_urns", "partnership_ids", "role -partnership-admin");
        assertThat(store.accounts.get(id).realmRoles()).contains("mis-integration").doesNotContain("partnership-admin");
    }

    @Test
    void anAccountIsFoundByItsPractitionerIdWhenTheDirectoryLostItsIdAndAnotherPersonsLoginIsNeverTaken() {
        String id = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store).userId();
        assertThat(AccountSync.sync(AccountSpec.of(person, List.of()), null, false, store).userId()).isEqualTo(id);

        Practitioner namesake = practitioner(school); // same e-mail, another practitioner id
        assertThatThrownBy(() -> AccountSync.sync(AccountSpec.of(namesake, List.of()), null, true, store))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("another practitioner");
        assertThat(store.accounts).hasSize(1);
    }

    @Test
    void aNewEmailIsFollowedButTheUsernameStays() {
        String id = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store).userId();
        person.email = "ada@newschool.sch.uk";
        assertThat(AccountSync.sync(AccountSpec.of(person, List.of()), id, false, store).changes()).containsExactly("email");
        assertThat(store.accounts.get(id).email()).isEqualTo("ada@newschool.sch.uk");
        assertThat(store.accounts.get(id).username()).isEqualTo("ada.king@harbour.sch.uk");
    }

    @Test
    void aDeactivatedPractitionerWithoutALoginGetsNone() {
        person.active = false;
        AccountSync.Outcome outcome = AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store);
        assertThat(outcome.userId()).isNull();
        assertThat(store.accounts).isEmpty();
    }

    @Test
    void keycloakDownIsAFailureToRetryWithAGrowingWaitOfAtMostFiveMinutes() {
        store.down = true;
        assertThatThrownBy(() -> AccountSync.sync(AccountSpec.of(person, List.of()), null, true, store))
                .hasMessageContaining("Connection refused");
        Account account = new Account();
        account.generation = 1;
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        account.failed("Connection refused", now);
        assertThat(account.nextAttemptAt).isEqualTo(now.plusSeconds(2));
        account.failed("Connection refused", now);
        assertThat(account.nextAttemptAt).isEqualTo(now.plusSeconds(4));
        for (int i = 0; i < 20; i++) {
            account.failed("Connection refused", now);
        }
        assertThat(account.nextAttemptAt).isEqualTo(now.plusSeconds(300));
        assertThat(account.isDue()).isTrue();
        account.synced(1, "kc-id", AccountState.INVITED, true);
        assertThat(account.isDue()).isFalse();
        assertThat(account.attempts).isZero();
    }
}
