package org.cpd.directory.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.directory.config.AccountsConfig;
import org.cpd.directory.domain.Account;
import org.cpd.directory.domain.AccountSpec;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.AccountStore;
import org.cpd.directory.domain.AccountSync;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.domain.DirectoryAccess;
import org.cpd.directory.domain.Practitioner;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Practitioners' logins follow the directory (ADR 0015). Directory writes only mark an account due, in
 * their own transaction ({@link #changed}); the worker ({@link #provisionDue}) brings Keycloak up to date
 * afterwards, one account per transaction, retrying with back-off. Keycloak being down only delays it.
 */
@ApplicationScoped
public class AccountProvisioning {

    private static final Logger LOG = Logger.getLogger(AccountProvisioning.class);

    /** One account's result in a reconcile report. */
    public record Repair(UUID practitionerId, AccountState state, List<String> changes, String error) {
    }

    /** What a reconcile found and repaired: only accounts with changes or failures are listed. */
    public record ReconcileReport(int checked, int repaired, int failed, List<Repair> accounts) {
    }

    @Inject
    AccountsConfig config;

    @Inject
    AccountStore store;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    ManagedExecutor executor;

    // ---- in the directory's transactions

    /** The practitioner changed in a way their login must follow: mark it due (a new login is invited). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Practitioner p) {
        Account a = Account.findById(p.id);
        if (a == null) {
            a = new Account();
            a.id = p.id;
            a.generation = 1;
            a.inviteRequested = p.active;
            a.persist();
        } else {
            a.changed();
        }
    }

    /** The account as last seen, or null before any provisioning was asked for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Account accountOf(UUID practitionerId) {
        return Account.findById(practitionerId);
    }

    /** "Resend invitation": for those who manage the record, while the person has not set a password yet. */
    @Transactional
    public Account resendInvitation(UUID practitionerId) {
        Practitioner p = Practitioner.findById(practitionerId);
        DirectoryAccess access = new DirectoryAccess(user.caller());
        if (p == null || !access.seesPublicProfile(p)) {
            throw RuleViolation.notFound("practitioner", practitionerId);
        }
        if (!access.managesPractitioner(p)) {
            throw RuleViolation.forbidden("Only a lead of the practitioner's school or a partnership admin may resend the invitation");
        }
        if (!p.active) {
            throw RuleViolation.conflict("practitioner-inactive", "A deactivated practitioner is not invited");
        }
        Account a = Account.findById(p.id);
        if (a == null) {
            changed(p);
            a = Account.findById(p.id);
        } else if (a.state == AccountState.ACTIVE) {
            throw RuleViolation.conflict("account-active", "The practitioner has set their password already; they can reset it "
                    + "from the login page");
        }
        a.requestInvitation();
        audit.entry("resend-invitation", "account", p.id).about(p.id, p.partnerships()).record();
        return a;
    }

    // ---- the worker

    @Scheduled(every = "${cpd.accounts.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void provisionDue() {
        if (!config.provisioningEnabled()) {
            return;
        }
        CompletableFuture.allOf(lanes(due(), config.parallelism()).stream()
                .map(ids -> executor.runAsync(() -> ids.forEach(this::provision)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** The due accounts dealt round into at most {@code parallelism} lanes, oldest first within each. */
    static <T> List<List<T>> lanes(List<T> due, int parallelism) {
        int count = Math.max(1, Math.min(parallelism, due.size()));
        List<List<T>> lanes = new ArrayList<>();
        for (int lane = 0; lane < count; lane++) {
            lanes.add(new ArrayList<>());
        }
        for (int i = 0; i < due.size(); i++) {
            lanes.get(i % count).add(due.get(i));
        }
        return due.isEmpty() ? List.of() : lanes;
    }

    /**
     * Accounts whose generation is ahead of Keycloak, then invited accounts to look at again. Changes come first:
     * thousands of open invitations are rechecked every minute, and without this a new person's login would wait
     * behind all of them. Half the changes are the oldest and half the newest: a backlog (a large staff sync) still
     * drains oldest first, and a person registered meanwhile gets their login at the next run instead of behind it.
     */
    List<UUID> due() {
        Instant now = TrackedEntity.now();
        int size = config.batchSize();
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<UUID> due = new LinkedHashSet<>(changesDue(now, "asc", (size + 1) / 2));
            due.addAll(changesDue(now, "desc", size - due.size()));
            if (due.size() < size) {
                for (UUID invited : Account.getEntityManager().createQuery(
                                "select a.id from Account a where a.state = :invited and a.syncedAt < :recheck "
                                        + "order by a.updatedAt", UUID.class)
                        .setParameter("invited", AccountState.INVITED)
                        .setParameter("recheck", now.minus(config.invitedRecheck()))
                        .setMaxResults(size).getResultList()) {
                    if (due.size() < size) {
                        due.add(invited);
                    }
                }
            }
            return List.copyOf(due);
        });
    }

    private List<UUID> changesDue(Instant now, String order, int limit) {
        return limit <= 0 ? List.of() : Account.getEntityManager().createQuery(
                        "select a.id from Account a where (a.generation > a.syncedGeneration or a.inviteRequested) "
                                + "and (a.nextAttemptAt is null or a.nextAttemptAt <= :now) "
                                + "order by a.updatedAt " + order + ", a.id " + order, UUID.class)
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    private record Work(long generation, AccountSpec spec, String userId, boolean invite) {
    }

    /**
     * Brings one account up to date: reads the directory in one transaction, calls Keycloak outside any,
     * records the result in another. A change made meanwhile raised the generation, so it runs again.
     */
    public Repair provision(UUID practitionerId) {
        Work work = QuarkusTransaction.requiringNew().call(() -> {
            Account a = Account.findById(practitionerId);
            Practitioner p = Practitioner.findById(practitionerId);
            List<Appointment> current = Appointment.list("practitionerId = ?1 and endedAt is null", practitionerId);
            return new Work(a.generation, AccountSpec.of(p, current), a.keycloakUserId, a.inviteRequested);
        });
        try {
            AccountSync.Outcome outcome = AccountSync.sync(work.spec(), work.userId(), work.invite(), store);
            QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(practitionerId)
                    .synced(work.generation(), outcome.userId(), outcome.state(), outcome.invited()));
            return new Repair(practitionerId, outcome.state(), outcome.changes(), null);
        } catch (RuntimeException e) {
            String reason = e instanceof RuleViolation ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.debugf("account of %s not provisioned yet: %s", practitionerId, reason);
            QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(practitionerId).failed(reason, TrackedEntity.now()));
            return new Repair(practitionerId, AccountState.PENDING, List.of(), reason);
        }
    }

    // ---- reconcile

    /**
     * Compares every provisioned login of the caller's partnerships with the directory, repairs what
     * differs and reports it. Admins only; a Keycloak failure is reported per account and retried later.
     */
    public ReconcileReport reconcile() {
        DirectoryAccess access = new DirectoryAccess(user.caller());
        access.requireAdmin("Only a partnership admin may reconcile accounts");
        UUID[] mine = user.caller().partnershipIds().toArray(UUID[]::new);
        List<UUID> ids = mine.length == 0 ? List.of() : QuarkusTransaction.requiringNew().call(() -> Account.getEntityManager()
                .createQuery("select a.id from Account a, Practitioner p where a.id = p.id "
                        + "and array_intersects(p.partnershipIds, :mine) order by a.id", UUID.class)
                .setParameter("mine", mine).getResultList());
        List<Repair> listed = new ArrayList<>();
        int repaired = 0;
        int failed = 0;
        for (UUID id : ids) {
            Repair r = provision(id);
            if (r.error() != null) {
                failed++;
                listed.add(r);
            } else if (!r.changes().isEmpty()) {
                repaired++;
                listed.add(r);
            }
        }
        int repairedCount = repaired;
        int failedCount = failed;
        QuarkusTransaction.requiringNew().run(() -> audit.record("reconcile", "account", "partnerships",
                ids.size() + " checked, " + repairedCount + " repaired, " + failedCount + " failed"));
        return new ReconcileReport(ids.size(), repaired, failed, listed);
    }
}
