package org.cpd.commons.web;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits on what a request may send, beyond the HTTP layer's own. Static-init safe: the REST layer builds its
 * reader interceptors ({@link StreamingBodyLimit}) while the application is initialised.
 */
@StaticInitSafe
@ConfigMapping(prefix = "cpd.http")
public interface HttpLimitsConfig {

    /** The largest JSON body, in bytes, declared or streamed; uploads keep the HTTP layer's larger limit. */
    @WithDefault("1048576")
    long maxJsonBody();
}
