package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * The provisioning record of one practitioner's login (id = the practitioner's id). Every directory change
 * that affects the account raises {@link #generation} in the change's own transaction; the worker brings
 * Keycloak up to that generation later and records it in {@link #syncedGeneration}, so a directory write
 * never waits for Keycloak and a failure only delays the account (retried with back-off).
 */
@Entity
@Table(name = "account")
public class Account extends TrackedEntity {

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Enumerated(EnumType.STRING)
    public AccountState state = AccountState.PENDING;

    public String keycloakUserId;

    public long generation;

    public long syncedGeneration;

    public boolean inviteRequested;

    public int attempts;

    public Instant nextAttemptAt;

    public String lastError;

    public Instant syncedAt;

    /** A change the account must follow; a new account is invited. */
    public void changed() {
        generation++;
        nextAttemptAt = null;
        attempts = 0;
    }

    public void requestInvitation() {
        inviteRequested = true;
        changed();
    }

    public boolean isDue() {
        return generation > syncedGeneration || inviteRequested;
    }

    /** Keycloak now matches the directory as of {@code generation}. */
    public void synced(long generation, String userId, AccountState state, boolean invited) {
        syncedGeneration = Math.max(syncedGeneration, generation);
        keycloakUserId = userId;
        this.state = state;
        if (invited) {
            inviteRequested = false;
        }
        attempts = 0;
        nextAttemptAt = null;
        lastError = null;
        syncedAt = TrackedEntity.now();
    }

    /** Keycloak could not be brought up to date: try again later, waiting longer each time (at most 5 minutes). */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = now.plus(backoff(attempts));
    }

    public static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 9); // 2 s, 4 s, ... 512 s, capped below
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }
}
