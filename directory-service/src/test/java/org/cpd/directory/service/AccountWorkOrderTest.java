package org.cpd.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.directory.Fixtures;
import org.cpd.directory.config.AccountsConfig;
import org.junit.jupiter.api.Test;

/** The account worker's order: a login to create or change comes before open invitations to look at again. */
@QuarkusTest
class AccountWorkOrderTest {

    @Inject
    AccountProvisioning provisioning;

    @Inject
    AccountsConfig config;

    @Test
    void aNewPersonsLoginDoesNotWaitBehindInvitationsToRecheck() {
        Fixtures.School school = Fixtures.school();
        UUID invitedLongAgo = Fixtures.practitioner(school);
        UUID registered = Fixtures.practitioner(school);
        // an invitation sent long ago, to look at again (has the person set a password yet?), older than anything
        sql("update account set state = 'INVITED', synced_generation = generation, invite_requested = false, "
                + "synced_at = now() - interval '1 day', updated_at = timestamptz '1999-01-01' where id = ?1", invitedLongAgo);
        // the new person's login to create: older than every other account the suite left due
        sql("update account set updated_at = timestamptz '2000-01-01' where id = ?1", registered);

        List<UUID> due = provisioning.due();

        assertThat(due).first().isEqualTo(registered);
        assertThat(due.indexOf(invitedLongAgo)).satisfiesAnyOf(i -> assertThat(i).isEqualTo(-1),
                i -> assertThat(i).isGreaterThan(0));
    }

    @Test
    void aNewPersonsLoginDoesNotWaitBehindABacklogOfChangesWhichStillDrainsOldestFirst() {
        Fixtures.School school = Fixtures.school();
        List<UUID> backlog = new ArrayList<>();
        for (int i = 0; i < config.batchSize() + 5; i++) { // more logins to create than one run of the worker takes
            backlog.add(Fixtures.practitioner(school));
        }
        UUID oldest = backlog.get(0);
        sql("update account set updated_at = timestamptz '2000-01-01' where id = ?1", oldest); // older than all due
        UUID registered = Fixtures.practitioner(school);
        sql("update account set updated_at = timestamptz '2999-01-01' where id = ?1", registered); // the newest

        List<UUID> due = provisioning.due();

        assertThat(due).hasSize(config.batchSize()).contains(registered, oldest).doesNotHaveDuplicates();
        assertThat(due).first().isEqualTo(oldest);
        backlog.add(registered);
        backlog.forEach(id -> sql("update account set synced_generation = generation, invite_requested = false "
                + "where id = ?1", id)); // up to date again: no other test's order depends on these
    }

    private static void sql(String statement, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery(statement).setParameter(1, id).executeUpdate());
    }
}
