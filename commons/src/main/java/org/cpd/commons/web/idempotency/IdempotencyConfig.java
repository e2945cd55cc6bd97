package org.cpd.commons.web.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Idempotency keys ({@link Idempotency}). */
@ConfigMapping(prefix = "cpd.idempotency")
public interface IdempotencyConfig {

    /** How long a key's first answer is replayed. */
    @WithDefault("P1D")
    Duration retention();
}
