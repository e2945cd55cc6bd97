package org.cpd.commons.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "cpd.security.token-cache")
public interface TokenCacheConfig {

    @WithDefault("true")
    boolean enabled();

    /** Tokens kept at the most. */
    @WithDefault("10000")
    long maxSize();

    /** How long a verified token is answered from the cache, never beyond its own expiry. */
    @WithDefault("PT5M")
    Duration maxAge();
}
