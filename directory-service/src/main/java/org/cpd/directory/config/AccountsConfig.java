package org.cpd.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Provisioning of logins from the directory (ADR 0015). */
@ConfigMapping(prefix = "cpd.accounts")
public interface AccountsConfig {

    /** Off in tests without Keycloak: changes are still recorded as due, nothing is sent. */
    @WithDefault("false")
    boolean provisioningEnabled();

    /** The realm the accounts live in. */
    @WithDefault("cpd")
    String realm();

    /** How often the worker looks for accounts due (read from its {@code @Scheduled} expression, whose fallback this is). */
    @WithDefault("2s")
    Duration pollEvery();

    /** Accounts brought up to date per run of the worker. */
    @WithDefault("50")
    int batchSize();

    /**
     * Accounts brought up to date at the same time. Each one waits mostly on Keycloak and its mail server,
     * so a few in parallel multiply the rate; each account is still handled by one lane at a time.
     */
    @WithDefault("4")
    int parallelism();

    /** How long the invitation link stays valid. */
    @WithDefault("PT72H")
    Duration invitationLifespan();

    /** How often an invited account is looked at again, to see whether the person has set their password. */
    @WithDefault("PT1M")
    Duration invitedRecheck();

    /** The client the invitation's "back to the application" link opens, with its redirect URI. */
    Optional<String> invitationClientId();

    Optional<String> invitationRedirectUri();
}
