package org.cpd.commons.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The write-behind of read audit entries ({@link ReadAudit}). */
@ConfigMapping(prefix = "cpd.audit")
public interface AuditConfig {

    /** Entries waiting at the most; past it a read writes its entry itself, so none is dropped. */
    @WithDefault("10000")
    int readQueueCapacity();

    /** Entries written per INSERT. */
    @WithDefault("500")
    int readBatchSize();

    /** How long an entry waits at the most before it is written. */
    @WithDefault("200ms")
    Duration readFlushInterval();
}
